import { render } from "preact";
import "../../panel/panel.css";
import { applyLanguagePreference, loadCatalogue, uiLocale } from "../../lib/i18n";
import { readFirstScreen } from "../../panel/panel-data";
import { SidePanel } from "../../panel/SidePanel";
import { openStore } from "../../sync/db";

// The first screen is read while the language loads, not after; the rest follows once it is shown.
const first = openStore().then(readFirstScreen);
await applyLanguagePreference(loadCatalogue).catch(() => {});
document.documentElement.lang = uiLocale();
render(<SidePanel first={first} />, document.getElementById("app") as HTMLElement);
