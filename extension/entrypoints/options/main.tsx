import { render } from "preact";
import "../../panel/panel.css";
import { applyLanguagePreference, loadCatalogue, uiLocale } from "../../lib/i18n";
import { OptionsApp } from "../../settings/OptionsApp";

await applyLanguagePreference(loadCatalogue).catch(() => {});
document.documentElement.lang = uiLocale();
render(<OptionsApp />, document.getElementById("app") as HTMLElement);
