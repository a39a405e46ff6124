import { save } from "../mutate";
import type { ActionItemView } from "../read-panel";

export const toggleDone = (view: ActionItemView, done: boolean) =>
  void save("action_item", { status: done ? "done" : "open" }, view.id).catch(() => {});
