// Ticking an action item done or open again, from any list in the side panel.
import type { ActionItemView } from "../action-items";
import { save } from "../mutate";

export const toggleDone = (view: ActionItemView, done: boolean) =>
  void save("action_item", { status: done ? "done" : "open" }, view.id).catch(() => {});
