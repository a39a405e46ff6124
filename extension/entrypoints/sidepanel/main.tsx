import { render } from "preact";
import "../../panel/panel.css";
import { applyLanguagePreference, loadCatalogue, uiLocale } from "../../lib/i18n";
import { SidePanel } from "../../panel/SidePanel";

await applyLanguagePreference(loadCatalogue).catch(() => {});
document.documentElement.lang = uiLocale();
render(<SidePanel />, document.getElementById("app") as HTMLElement);
