// "Ticked in these notes" on This page: tasks ticked in the notes page in view whose imported action items are still open, each offered to be marked done.
import { useState } from "preact/hooks";
import { ask } from "../../common/ask";
import type { TickedInNotes as Ticked } from "../../common/messages/minutes";
import { ErrorNote } from "../../ui/ErrorNote";
import { t } from "../../ui/i18n";
import { useTabInView } from "../../ui/use-store";
import { save } from "../mutate";
import type { PanelData } from "../panel-data";

/** The background's offer for the tab in view: asked at once, then whenever the tab in view or its page changes. */
function useTicked(): [Ticked | null, () => void] {
  const [ticked, setTicked] = useState<Ticked | null>(null);
  const askTicked = () =>
    void ask({ type: "minutes.ticked" })
      .then((answer) => setTicked(answer.ticked))
      .catch(() => setTicked(null));
  useTabInView(askTicked);
  return [ticked, askTicked];
}

export function TickedInNotes({ data }: { data: PanelData }) {
  const [ticked, refresh] = useTicked();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Still open here: an item marked done meanwhile (by a teammate too) leaves the list at once.
  const open = new Set(data.actionItems.flatMap((row) => (row.data.status === "open" ? [row.id] : [])));
  const items = ticked?.items.filter((item) => open.has(item.id)) ?? [];
  if (!ticked || items.length === 0) return null;

  const markDone = (ids: string[]) => {
    setError(null);
    setBusy(true);
    Promise.all(ids.map((id) => save("action_item", { status: "done" }, id)))
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };
  return (
    <section class="ticked-in-notes" aria-label={t("tickedHeading")}>
      <h3>{t("tickedHeading")}</h3>
      <p class="muted">{t("tickedIntro")}</p>
      <ul class="plain">
        {items.map((item) => (
          <li key={item.id}>
            <span class="ticked-text">✓ {item.text}</span>{" "}
            <button type="button" class="link" disabled={busy} onClick={() => markDone([item.id])}>
              {t("tickedMarkDone")}
            </button>
          </li>
        ))}
      </ul>
      <p>
        {items.length > 1 && (
          <button type="button" disabled={busy} onClick={() => markDone(items.map((item) => item.id))}>
            {t("tickedMarkAllDone")}
          </button>
        )}{" "}
        <button
          type="button"
          class="link"
          onClick={() =>
            void ask({ type: "minutes.tickedDismiss" })
              .then(refresh)
              .catch(() => {})
          }
        >
          {t("tickedNotNow")}
        </button>
      </p>
      <ErrorNote error={error} />
    </section>
  );
}
