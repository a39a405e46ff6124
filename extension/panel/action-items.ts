// Action items as the side panel's lists show them, and the all, open and mine filters.
import type { ActionItem } from "../../shared/entities";
import type { Member } from "../../shared/workspace";
import { isMine } from "../store/my-work";
import type { Row } from "./panel-data";

/** An action item as the lists show it. */
export interface ActionItemView {
  id: string;
  item: ActionItem;
  createdAt: string;
  pending: boolean;
}

/** A synced action item row as the lists show it. */
export const toActionItemView = (row: Row<ActionItem>): ActionItemView => ({
  id: row.id,
  item: row.data,
  createdAt: row.meta.createdAt,
  pending: row.pending,
});

export type ActionItemFilter = "all" | "open" | "mine";

/** Mine: owned by me, by member id, or by my name where the owner was typed. */
export function filterActionItems(items: ActionItemView[], filter: ActionItemFilter, me: Member | null): ActionItemView[] {
  if (filter === "open") return items.filter((v) => v.item.status === "open");
  if (filter === "mine") return items.filter((v) => isMine(v.item, me));
  return items;
}
