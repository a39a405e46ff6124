// A goal's progress and health from its indicators, linked action items and time elapsed, and goals arranged as a tree.
import type { ActionItem, Goal } from "./kinds/schemas";
import type { healthStatuses } from "./vocabulary";

export type Health = (typeof healthStatuses)[number];

/** How far an indicator has come from its baseline to its target, 0 to 1 (either direction). */
export function indicatorProgress(indicator: Goal["indicators"][number], value = indicator.current): number {
  const share = (value - indicator.baseline) / (indicator.target - indicator.baseline);
  return Math.min(1, Math.max(0, share));
}

interface GoalProgress {
  /** 0 to 1: the mean of each indicator's progress and the share of linked action items done. */
  progress: number;
  actionsDone: number;
  actionsTotal: number;
  /** 0 to 1: how much of the time from the goal's start to its due date has passed; null without a due date. */
  elapsed: number | null;
  computed: Health;
  /** What the goal shows: the owner's override when there is one. */
  status: Health;
  overridden: boolean;
}

/**
 * A goal's progress and health. On track while progress keeps up with time (within 10 points),
 * at risk within 25 points, off track beyond; an owner's override wins, with its reason.
 */
export function goalProgress(goal: Goal, startedOn: string, linkedActions: ActionItem[], today: string): GoalProgress {
  const counted = linkedActions.filter((item) => item.status !== "cancelled");
  const done = counted.filter((item) => item.status === "done").length;
  const parts = goal.indicators.map((i) => indicatorProgress(i));
  if (counted.length > 0) parts.push(done / counted.length);
  const progress = parts.length > 0 ? parts.reduce((a, b) => a + b, 0) / parts.length : 0;
  let elapsed: number | null = null;
  if (goal.due) {
    const span = Date.parse(goal.due) - Date.parse(startedOn.slice(0, 10));
    elapsed = span <= 0 ? 1 : Math.min(1, Math.max(0, (Date.parse(today) - Date.parse(startedOn.slice(0, 10))) / span));
  }
  const behind = elapsed === null ? 0 : elapsed - progress;
  const computed: Health = behind <= 0.1 ? "on-track" : behind <= 0.25 ? "at-risk" : "off-track";
  return {
    progress,
    actionsDone: done,
    actionsTotal: counted.length,
    elapsed,
    computed,
    status: goal.statusOverride?.status ?? computed,
    overridden: goal.statusOverride !== null,
  };
}

/** The goals as a tree: project goals with their phase goals beneath, each list by due date. */
export function goalTree<T extends { id: string; data: Goal }>(goals: T[]): Array<T & { children: T[] }> {
  const ids = new Set(goals.map((g) => g.id));
  const byDue = (a: T, b: T) => (a.data.due ?? "9999").localeCompare(b.data.due ?? "9999") || a.data.title.localeCompare(b.data.title);
  return goals
    .filter((g) => !g.data.parent || !ids.has(g.data.parent))
    .sort(byDue)
    .map((g) => ({ ...g, children: goals.filter((c) => c.data.parent === g.id).sort(byDue) }));
}
