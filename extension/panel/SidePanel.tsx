import { useEffect, useState } from "preact/hooks";
import { browser } from "wxt/browser";
import { ask } from "../lib/ask";
import { t } from "../lib/i18n";
import { useStore } from "../lib/use-store";
import { ActionItemList } from "./ActionItemList";
import { type ActionItemFilter, emptyPanel, filterActionItems, readPanel } from "./read-panel";
import { SyncBar } from "./SyncBar";

// While the panel is open, teammates' changes are fetched this often (live push comes on top of it).
const pollMs = 5_000;

export function SidePanel() {
  const { value: data, loaded } = useStore(readPanel, emptyPanel);
  const [filter, setFilter] = useState<ActionItemFilter>("all");
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const sync = () => {
      if (document.visibilityState === "visible") ask({ type: "sync.now" }).catch(() => {});
    };
    sync();
    const timer = setInterval(sync, pollMs);
    document.addEventListener("visibilitychange", sync);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", sync);
    };
  }, []);

  const me = data.session?.member ?? null;
  const [showAll, setShowAll] = useState<string | null>(null);
  const focus = data.focus !== showAll ? data.focus : null;
  const inFocus = focus ? data.actionItems.filter((view) => view.item.targets.includes(focus)) : data.actionItems;
  const shown = filterActionItems(inFocus, filter, me);

  return (
    <main class="panel">
      <header>
        <h1>{t("panelTitle")}</h1>
        <SyncBar status={data.status} onSync={() => ask({ type: "sync.now" }).catch((e: Error) => setError(e.message))} />
      </header>
      {loaded && !data.session && (
        <section class="connect">
          <p>{t("connectPrompt")}</p>
          <button type="button" onClick={() => browser.runtime.openOptionsPage()}>
            {t("openOptions")}
          </button>
        </section>
      )}
      {focus && (
        <p class="focus">
          <strong>{t("focusTitle", focus)}</strong>{" "}
          <button type="button" class="link" onClick={() => setShowAll(focus)}>
            {t("focusClear")}
          </button>
        </p>
      )}
      <fieldset class="filters">
        <legend class="visually-hidden">{t("filterLabel")}</legend>
        {(["all", "open", "mine"] as const).map((value) => (
          <button
            key={value}
            type="button"
            aria-pressed={filter === value}
            class={filter === value ? "selected" : ""}
            onClick={() => setFilter(value)}
          >
            {t(`filter${value[0].toUpperCase()}${value.slice(1)}`)}
          </button>
        ))}
      </fieldset>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {loaded && (
        <ActionItemList
          items={shown}
          emptyText={filter === "mine" ? t("emptyMine") : t("emptyItems")}
          onToggleDone={(view, done) => {
            setError(null);
            ask({
              type: "entity.mutate",
              entity: "action_item",
              entityId: view.id,
              op: "upsert",
              fields: { status: done ? "done" : "open" },
            }).catch((e: Error) => setError(e.message));
          }}
        />
      )}
      {data.rejected.length > 0 && (
        <details class="rejected">
          <summary>{t("rejectedTitle")}</summary>
          <ul>
            {data.rejected.map((entry) => (
              <li key={entry.id}>
                {entry.entity} {entry.entityId}: {entry.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </main>
  );
}
