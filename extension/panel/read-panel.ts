import { compareCodeUnits } from "../../shared/dates";
import type { ActionItem } from "../../shared/entities";
import type { Member } from "../../shared/workspace";
import { type PublicSession, publicSession } from "../lib/session";
import { type Db, getKv, type KvValues } from "../sync/db";
import { listRows } from "../sync/local-rows";
import type { SyncStatus } from "../sync/status";

export interface ActionItemView {
  id: string;
  item: ActionItem;
  createdAt: string;
  pending: boolean;
}

export interface PanelData {
  session: PublicSession | null;
  status: SyncStatus | null;
  members: Member[];
  actionItems: ActionItemView[];
  rejected: KvValues["rejected"];
  /** The item whose chip was clicked, if any: the panel shows it first. */
  focus: string | null;
}

export const emptyPanel: PanelData = { session: null, status: null, members: [], actionItems: [], rejected: [], focus: null };

/** Everything the side panel shows, read from the local store in one go. */
export async function readPanel(db: Db): Promise<PanelData> {
  const [session, status, members, rows, rejected, focus] = await Promise.all([
    getKv(db, "session"),
    getKv(db, "status"),
    getKv(db, "members"),
    listRows(db, "action_item"),
    getKv(db, "rejected"),
    getKv(db, "focus"),
  ]);
  const actionItems = rows
    .map((row) => ({ id: row.id, item: row.data as ActionItem, createdAt: row.meta.createdAt, pending: row.pending > 0 }))
    .sort((a, b) => compareCodeUnits(b.createdAt, a.createdAt) || compareCodeUnits(b.id, a.id));
  return {
    session: publicSession(session ?? null),
    status: status ?? null,
    members: members ?? [],
    actionItems,
    rejected: rejected ?? [],
    focus: focus?.key ?? null,
  };
}

export type ActionItemFilter = "all" | "open" | "mine";

/** Mine: owned by me, by member id, or by my name where the owner was typed. */
export function filterActionItems(items: ActionItemView[], filter: ActionItemFilter, me: Member | null): ActionItemView[] {
  if (filter === "open") return items.filter((v) => v.item.status === "open");
  if (filter === "mine") {
    if (!me) return [];
    return items.filter((v) => v.item.ownerId === me.id || (!v.item.ownerId && v.item.owner === me.name));
  }
  return items;
}
