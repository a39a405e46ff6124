import { render } from "preact";
import "../../panel/panel.css";
import { uiLocale } from "../../lib/i18n";
import { SidePanel } from "../../panel/SidePanel";

document.documentElement.lang = uiLocale();
render(<SidePanel />, document.getElementById("app") as HTMLElement);
