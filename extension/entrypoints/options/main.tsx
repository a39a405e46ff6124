// The options page's entry: loads the chosen language, then draws the options.
import { render } from "preact";
import "../../panel/panel.css";
import { OptionsApp } from "../../options/OptionsApp";
import { applyLanguagePreference, loadCatalogue, uiLocale } from "../../ui/i18n";

await applyLanguagePreference(loadCatalogue).catch(() => {});
document.documentElement.lang = uiLocale();
render(<OptionsApp />, document.getElementById("app") as HTMLElement);
