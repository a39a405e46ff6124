// A list of action items in the side panel: owner, department, due date and priority, ticked done in place, shown a page at a time.
import { useState } from "preact/hooks";
import { formatDay, t, today } from "../ui/i18n";
import { actionItemStatusLabels, priorityLabels } from "../ui/labels";
import type { ActionItemView } from "./action-items";
import { RecordLink } from "./details/RecordLink";
import { ItemNames } from "./ItemName";
import { actionItemPage } from "./panel-data";

interface ActionItemListProps {
  items: ActionItemView[];
  onToggleDone: (view: ActionItemView, done: boolean) => void;
  emptyText: string;
}

export function ActionItemList({ items, onToggleDone, emptyText }: ActionItemListProps) {
  const [shown, setShown] = useState(actionItemPage);
  if (items.length === 0) return <p class="empty">{emptyText}</p>;
  const now = today();
  return (
    <>
      <ul class="items">
        {items.slice(0, shown).map((view) => {
          const { item } = view;
          const done = item.status === "done";
          const overdue = !done && item.due !== null && item.due < now;
          return (
            <li key={view.id} class={`item ${done ? "done" : ""}`} data-item-id={view.id}>
              <input
                type="checkbox"
                checked={done}
                aria-label={`${t("markDone")}: ${item.text}`}
                onChange={(e) => onToggleDone(view, e.currentTarget.checked)}
              />
              <div class="body">
                <p class="text">
                  <RecordLink entity="action_item" id={view.id}>
                    {item.text}
                  </RecordLink>
                </p>
                <p class="meta">
                  <span class="owner">{item.owner ?? t("noOwner")}</span>
                  {item.department && <span class="department">{item.department}</span>}
                  <span class={`due ${overdue ? "overdue" : ""}`}>
                    {item.due ? t("due", formatDay(item.due)) : t("noDue")}
                    {overdue && ` · ${t("overdue")}`}
                  </span>
                  <span class={`priority priority-${item.priority}`}>{t(priorityLabels[item.priority])}</span>
                  <span class="status">{t(actionItemStatusLabels[item.status])}</span>
                  {view.pending && <span class="pending">{t("notSynced")}</span>}
                </p>
                {item.targets.length > 0 && (
                  <p class="targets">
                    <ItemNames targets={item.targets} />
                  </p>
                )}
                {item.source && (
                  <p class="source">
                    {t("source")}:{" "}
                    <a href={item.source.url} target="_blank" rel="noreferrer noopener">
                      {item.source.title || item.source.url}
                    </a>
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {items.length > shown && (
        <button type="button" class="more" onClick={() => setShown(shown + actionItemPage)}>
          {t("showMore", String(items.length - shown))}
        </button>
      )}
    </>
  );
}
