// "Add another browser": a one-time code that signs another browser in as me, and the browsers I am signed in with.
import { useEffect, useState } from "preact/hooks";
import type { Browser } from "../../shared/browsers";
import { ask } from "../common/ask";
import { ErrorNote } from "../ui/ErrorNote";
import { formatDay, t, uiLocale } from "../ui/i18n";

/** How often the list is read again while a code is shown, so that the browser it signs in appears. */
const refreshWhileCodeShownMs = 5000;

const formatTime = (iso: string) => new Intl.DateTimeFormat(uiLocale(), { hour: "2-digit", minute: "2-digit" }).format(new Date(iso));

/** A code for another browser, and each of this member's browsers, with "Revoke" for every one but the first. */
export function BrowsersSection() {
  const [browsers, setBrowsers] = useState<Browser[]>([]);
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = () =>
    ask({ type: "browser.list" })
      .then((reply) => setBrowsers(reply.browsers))
      .catch((failure: Error) => setError(failure.message));
  useEffect(() => void load(), []);
  useEffect(() => {
    if (!code) return;
    const timer = setInterval(() => {
      if (Date.parse(code.expiresAt) < Date.now()) setCode(null);
      else void load();
    }, refreshWhileCodeShownMs);
    return () => clearInterval(timer);
  }, [code]);

  const run = (work: () => Promise<unknown>) => {
    setError(null);
    work().catch((failure: Error) => setError(failure.message));
  };

  return (
    <section aria-labelledby="browsers">
      <h2 id="browsers">{t("browsersTitle")}</h2>
      <p class="muted">{t("browsersHelp")}</p>
      <p>
        <button type="button" onClick={() => run(async () => setCode(await ask({ type: "browser.code" })))}>
          {t("makeBrowserCode")}
        </button>
      </p>
      {code && (
        <p class="invite" role="status">
          {t("browserCodeReady", formatTime(code.expiresAt))} <code data-browser-code>{code.code}</code>
        </p>
      )}
      <ul class="browsers">
        {browsers.map((browser) => (
          <li key={browser.id} data-browser-id={browser.id}>
            {browser.first ? t("browserFirst") : (browser.label ?? t("browserAnother"))} ·{" "}
            {t("browserAdded", formatDay(browser.createdAt.slice(0, 10)))}
            {browser.current ? ` · ${t("browserCurrent")}` : ""}
            {!browser.first && (
              <>
                {" "}
                <button
                  type="button"
                  class="link"
                  onClick={() =>
                    (!browser.current || confirm(t("revokeThisBrowserConfirm"))) &&
                    run(async () => {
                      await ask({ type: "browser.revoke", id: browser.id });
                      // This browser's token no longer works: the sync that follows says it is signed out.
                      if (!browser.current) await load();
                    })
                  }
                >
                  {t("revoke")}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <ErrorNote error={error} />
    </section>
  );
}
