import { render } from "preact";
import "../../panel/panel.css";
import { applyLanguagePreference, loadCatalogue, uiLocale } from "../../lib/i18n";
import { readPanelData } from "../../panel/panel-data";
import { SidePanel } from "../../panel/SidePanel";
import { openStore } from "../../sync/db";

// The store is read while the language loads, not after.
const first = openStore().then(readPanelData);
await applyLanguagePreference(loadCatalogue).catch(() => {});
document.documentElement.lang = uiLocale();
render(<SidePanel first={first} />, document.getElementById("app") as HTMLElement);
