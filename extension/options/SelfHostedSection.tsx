// The options page's self-hosted trackers: add a GitLab, Jira or Confluence host (the browser asks for the permission) or remove one.
import { useState } from "preact/hooks";
import { browser } from "wxt/browser";
import { ask } from "../common/ask";
import { type SelfHostedKind, selfHostedKinds, selfHostedOrigin } from "../common/self-hosted";
import { getKv } from "../store/db";
import { ErrorNote } from "../ui/ErrorNote";
import { t } from "../ui/i18n";
import { selfHostedKindLabels } from "../ui/labels";
import { useStore } from "../ui/use-store";

/** Self-hosted GitLab, Jira and Confluence: Liaison asks for each host when it is added. */
export function SelfHostedSection() {
  const { value: sites } = useStore(async (db) => (await getKv(db, "selfHosted")) ?? [], []);
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
    // The permission prompt must come straight from the click, before anything is awaited.
    browser.permissions
      .request({ origins: [parsed.pattern] })
      .then(async (granted) => {
        if (!granted) throw new Error(t("selfHostedDenied", parsed.origin));
        await ask({ type: "hosts.add", origin: parsed.origin, kind });
        setAddress("");
      })
      .catch((failure: Error) => setError(failure.message));
  }

  return (
    <section aria-labelledby="self-hosted">
      <h2 id="self-hosted">{t("selfHostedTitle")}</h2>
      <p class="muted">{t("selfHostedHelp")}</p>
      <ul class="hosts">
        {sites.map((site) => (
          <li key={site.origin}>
            {site.origin} · {t(selfHostedKindLabels[site.kind])}{" "}
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
