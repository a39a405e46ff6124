// The content script that reads a notes page's minutes, injected by the background only when the user asks to import them.
import { defineContentScript } from "wxt/utils/define-content-script";
import { quotesOfLastReading, readThisPage } from "../../page/minutes/read-page";

/** Not part of the page-start script: the background injects it into the tab, then asks it to read. */
export default defineContentScript({
  // Matches: the trackers of the site list, set by wxt.config.ts; elsewhere the user's click grants the tab.
  registration: "runtime",
  main() {
    window.__liaisonMinutes = readThisPage;
    window.__liaisonMinutesQuotes = quotesOfLastReading;
  },
});
