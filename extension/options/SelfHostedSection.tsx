// The options page's self-hosted trackers: add a GitLab, Jira or Confluence host (the browser asks for the permission) or remove one.
import { useState } from "preact/hooks";
import { browser } from "wxt/browser";
import { ask } from "../common/ask";
import { type SelfHostedKind, type SelfHostedSite, selfHostedKinds, selfHostedOrigin } from "../common/self-hosted";
import { getKv } from "../store/db";
import { ErrorNote } from "../ui/ErrorNote";
import { t } from "../ui/i18n";
import { selfHostedKindLabels } from "../ui/labels";
import { useStore } from "../ui/use-store";

/**
 * The hosts the user added, each with whether the browser still grants it (access can be
 * removed on the browser's own extensions page, where options cannot see it happen).
 */
async function withAccess(sites: SelfHostedSite[]) {
  return Promise.all(
    sites.map(async (site) => {
      const pattern = selfHostedOrigin(site.origin)?.pattern;
      const granted = pattern ? await browser.permissions.contains({ origins: [pattern] }).catch(() => false) : false;
      // What to ask the browser for again, when it no longer grants the host.
      return { ...site, askAgain: pattern && !granted ? { origin: site.origin, pattern } : null };
    }),
  );
}

/** Self-hosted GitLab, Jira and Confluence: Liaison asks for each host when it is added. */
export function SelfHostedSection() {
  const { value: sites } = useStore(async (db) => withAccess((await getKv(db, "selfHosted")) ?? []), []);
  const [address, setAddress] = useState("");
  const [kind, setKind] = useState<SelfHostedKind>("gitlab");
  const [error, setError] = useState<string | null>(null);

  function add() {
    setError(null);
    const parsed = selfHostedOrigin(address);
    if (!parsed) {
      setError(t("selfHostedInvalid"));
      return;
    }
    grant(parsed, kind).then(
      () => setAddress(""),
      (failure: Error) => setError(failure.message),
    );
  }

  /** Asks the browser for a host, then has the background run Liaison there. */
  function grant(parsed: { origin: string; pattern: string }, siteKind: SelfHostedKind) {
    // The permission prompt must come straight from the click, before anything is awaited.
    return browser.permissions.request({ origins: [parsed.pattern] }).then(async (granted) => {
      if (!granted) throw new Error(t("selfHostedDenied", parsed.origin));
      await ask({ type: "hosts.add", origin: parsed.origin, kind: siteKind });
    });
  }

  return (
    <section aria-labelledby="self-hosted">
      <h2 id="self-hosted">{t("selfHostedTitle")}</h2>
      <p class="muted">{t("selfHostedHelp")}</p>
      <ul class="hosts">
        {sites.map(({ askAgain, ...site }) => (
          <li key={site.origin}>
            {site.origin} · {t(selfHostedKindLabels[site.kind])}{" "}
            {askAgain && (
              <>
                <span class="muted">{t("selfHostedNoAccess")}</span>{" "}
                <button
                  type="button"
                  class="link"
                  onClick={() => {
                    setError(null);
                    grant(askAgain, site.kind).catch((failure: Error) => setError(failure.message));
                  }}
                >
                  {t("selfHostedAllowAgain")}
                </button>{" "}
              </>
            )}
            <button
              type="button"
              class="link"
              onClick={() => ask({ type: "hosts.remove", origin: site.origin }).catch((e: Error) => setError(e.message))}
            >
              {t("remove")}
            </button>
          </li>
        ))}
      </ul>
      <div class="field">
        <label for="self-hosted-address">{t("labelTrackerAddress")}</label>
        <input
          id="self-hosted-address"
          value={address}
          placeholder="https://gitlab.example.com"
          onInput={(e) => setAddress(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="self-hosted-kind">{t("labelTrackerKind")}</label>
        <select id="self-hosted-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as SelfHostedKind)}>
          {selfHostedKinds.map((value) => (
            <option key={value} value={value}>
              {t(selfHostedKindLabels[value])}
            </option>
          ))}
        </select>
      </div>
      <button type="button" onClick={add}>
        {t("addTracker")}
      </button>
      <ErrorNote error={error} />
    </section>
  );
}
