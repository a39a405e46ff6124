import type { ActionItemView } from "../action-items";
import { save } from "../mutate";

export const toggleDone = (view: ActionItemView, done: boolean) =>
  void save("action_item", { status: done ? "done" : "open" }, view.id).catch(() => {});
