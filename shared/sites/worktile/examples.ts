// Worktile tasks and agile items: real URLs and saved pages, for the tests only.
import type { SiteExamples } from "../site-examples";

export const examples: SiteExamples = {
  items: [
    [
      "https://acme.worktile.com/mission/projects/5e377e8ae727c16b0f47a3cf/tasks/5ea4e27bc5de12753c09f176",
      "worktile:acme.worktile.com/tasks/5ea4e27bc5de12753c09f176",
    ],
    [
      "https://acme.worktile.com/mission/my/directed/tasks/5ea4e27bc5de12753c09f176",
      "worktile:acme.worktile.com/tasks/5ea4e27bc5de12753c09f176",
    ],
    ["https://acme.worktile.com/agile/items/5ece2c9526a2063b6e895f43", "worktile:acme.worktile.com/items/5ece2c9526a2063b6e895f43"],
  ],
  notItems: ["https://acme.worktile.com/mission/projects/5e377e8ae727c16b0f47a3cf", "https://acme.worktile.com/mission/my/directed"],
  pages: [
    {
      itemUrl: "https://acme.worktile.com/mission/projects/5e377e8ae727c16b0f47a3cf/tasks/5ea4e27bc5de12753c09f176",
      itemFixture: "worktile/task.html",
      itemKey: "worktile:acme.worktile.com/tasks/5ea4e27bc5de12753c09f176",
      anchored: false,
      listUrl: "https://acme.worktile.com/mission/my/directed",
      listFixture: "worktile/my-tasks.html",
      listKeys: ["worktile:acme.worktile.com/tasks/5ea4e27bc5de12753c09f176", "worktile:acme.worktile.com/tasks/5ea944c6f8caa41a8d31dec4"],
      listItemKey: null,
    },
  ],
};
