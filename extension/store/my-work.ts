// Which action items are mine, and my open ones due today or overdue (for reminders and the toolbar badge).
import type { ActionItem } from "../../shared/entities";
import type { Member } from "../../shared/workspace";
import { type Db, getKv } from "./db";
import { listRows } from "./local-rows";

/** Is this action item mine: by member id, or by my name where the owner was typed? */
export function isMine(item: ActionItem, me: Member | null): boolean {
  if (!me) return false;
  return item.ownerId === me.id || (!item.ownerId && item.owner === me.name);
}

/** My open action items, with the ones due before `today` and on `today`. */
export async function myOpenWork(db: Db, today: string) {
  const session = await getKv(db, "session");
  const me = session?.member ?? null;
  const mine = (await listRows(db, "action_item"))
    .map((row) => ({ id: row.id, item: row.data as ActionItem }))
    .filter(({ item }) => item.status === "open" && isMine(item, me));
  return {
    overdue: mine.filter(({ item }) => item.due !== null && item.due < today),
    dueToday: mine.filter(({ item }) => item.due === today),
  };
}
