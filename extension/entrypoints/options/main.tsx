import { render } from "preact";
import "../../panel/panel.css";
import { uiLocale } from "../../lib/i18n";
import { OptionsApp } from "../../settings/OptionsApp";

document.documentElement.lang = uiLocale();
render(<OptionsApp />, document.getElementById("app") as HTMLElement);
