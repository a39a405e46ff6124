// GitLab issues, work items and merge requests, on gitlab.com and self-hosted: real URLs and saved pages, for the tests only.
import type { SiteExamples } from "../site-examples";

// The drawer a GitLab list opens: base64 of {"iid":"5","full_path":"acme/checkout","id":9005}.
const drawer = "eyJpaWQiOiI1IiwiZnVsbF9wYXRoIjoiYWNtZS9jaGVja291dCIsImlkIjo5MDA1fQ==";

export const examples: SiteExamples = {
  items: [
    ["https://gitlab.com/Acme/Platform/Checkout/-/issues/17", "gitlab:gitlab.com/acme/platform/checkout#17"],
    ["https://gitlab.com/acme/checkout/-/issues/incident/18", "gitlab:gitlab.com/acme/checkout#18"],
    ["https://gitlab.com/acme/checkout/-/work_items/19#note_1", "gitlab:gitlab.com/acme/checkout#19"],
    ["https://gitlab.com/acme/checkout/-/merge_requests/41", "gitlab:gitlab.com/acme/checkout!41"],
    ["https://gitlab.com/acme/checkout/-/merge_requests/41/diffs", "gitlab:gitlab.com/acme/checkout!41"],
    ["https://gitlab.com/acme/checkout/-/merge_requests/41/diffs?commit_id=abc", "gitlab:gitlab.com/acme/checkout!41"],
    [`https://gitlab.com/acme/checkout/-/issues?sort=created_date&show=${drawer}`, "gitlab:gitlab.com/acme/checkout#5"],
    [`https://gitlab.com/groups/acme/-/issues?show=${encodeURIComponent(drawer)}`, "gitlab:gitlab.com/acme/checkout#5"],
    [`https://gitlab.com/dashboard/issues?show=${drawer}`, "gitlab:gitlab.com/acme/checkout#5"],
    ["https://gitlab.com/gitlab-org/gitlab/-/issues/345678", "gitlab:gitlab.com/gitlab-org/gitlab#345678"],
    ["https://gitlab.com/gitlab-org/gitlab/-/merge_requests/123456/diffs", "gitlab:gitlab.com/gitlab-org/gitlab!123456"],
  ],
  notItems: [
    "https://gitlab.com/acme/checkout/-/issues",
    "https://gitlab.com/acme/checkout/-/issues/new",
    "https://gitlab.com/acme/checkout/-/merge_requests",
    "https://gitlab.com/acme/checkout/-/boards/12",
    "https://gitlab.com/groups/acme/-/boards/3",
    "https://gitlab.com/groups/acme/-/work_items/5",
    "https://gitlab.com/dashboard/issues",
    "https://gitlab.com/acme/checkout/-/issues?show=not-base64",
  ],
  selfHosted: [
    ["https://gitlab.example.org/acme/checkout/-/issues/17", "gitlab:gitlab.example.org/acme/checkout#17"],
    ["https://git.example.org/gitlab/acme/checkout/-/merge_requests/41", "gitlab:git.example.org/gitlab/acme/checkout!41"],
    ["https://git.example.org/gitlab/acme/checkout/-/merge_requests/41/diffs", "gitlab:git.example.org/gitlab/acme/checkout!41"],
    [`https://git.example.org/gitlab/acme/checkout/-/issues?show=${drawer}`, "gitlab:git.example.org/gitlab/acme/checkout#5"],
    ["https://git.example.org/acme/checkout/-/issues/5", "gitlab:git.example.org/acme/checkout#5"],
    ["https://git.example.org:8443/acme/app/-/issues/3", "gitlab:git.example.org:8443/acme/app#3"],
  ],
  pages: [
    {
      itemUrl: "https://gitlab.com/acme/platform/checkout/-/issues/17",
      itemFixture: "gitlab/issue.html",
      itemKey: "gitlab:gitlab.com/acme/platform/checkout#17",
      anchored: true,
      listUrl: "https://gitlab.com/acme/platform/checkout/-/merge_requests",
      listFixture: "gitlab/merge-requests.html",
      listKeys: [
        "gitlab:gitlab.com/acme/platform/checkout!41",
        "gitlab:gitlab.com/acme/platform/checkout!42",
        "gitlab:gitlab.com/acme/platform/checkout!43",
      ],
      listItemKey: null,
    },
    {
      itemUrl: "https://git.example.org/gitlab/acme/checkout/-/merge_requests/41/diffs",
      itemFixture: "gitlab/self-hosted-merge-request.html",
      itemKey: "gitlab:git.example.org/gitlab/acme/checkout!41",
      anchored: true,
      selfHosted: true,
      listUrl: `https://git.example.org/gitlab/acme/checkout/-/issues?show=${drawer}`,
      listFixture: "gitlab/self-hosted-issues.html",
      listKeys: [
        "gitlab:git.example.org/gitlab/acme/checkout#4",
        "gitlab:git.example.org/gitlab/acme/checkout#5",
        "gitlab:git.example.org/gitlab/acme/checkout#6",
      ],
      listItemKey: "gitlab:git.example.org/gitlab/acme/checkout#5",
    },
  ],
};
