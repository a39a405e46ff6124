// The side panel page's entry: reads its first screen while the language loads, then draws the panel.
import { render } from "preact";
import "../../panel/panel.css";
import { ask } from "../../common/ask";
import { readFirstScreen } from "../../panel/panel-data";
import { SidePanel } from "../../panel/SidePanel";
import { openStore } from "../../store/db";
import { applyLanguagePreference, loadCatalogue, uiLocale } from "../../ui/i18n";

// The first screen (the item in view, else the newest action items) is read while the language
// loads, not after; the rest follows once it is shown.
const itemInView = ask({ type: "panel.context" }).then((context) => context.key);
const first = openStore().then((db) => readFirstScreen(db, itemInView));
await applyLanguagePreference(loadCatalogue).catch(() => {});
document.documentElement.lang = uiLocale();
render(<SidePanel first={first} />, document.getElementById("app") as HTMLElement);
