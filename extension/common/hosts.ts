/**
 * Trackers and docs sites where Liaison runs without being asked. Anywhere else it runs only
 * when the user invokes it on a tab (context menu, shortcut), through activeTab.
 */
export const trackerMatches = [
  "https://github.com/*",
  "https://*.atlassian.net/*",
  "https://linear.app/*",
  "https://gitlab.com/*",
  "https://app.asana.com/*",
  "https://trello.com/*",
  "https://www.notion.so/*",
  "https://*.notion.site/*",
  "https://*.feishu.cn/*",
  "https://*.feishu.net/*",
  "https://*.larksuite.com/*",
  "https://*.larkoffice.com/*",
  "https://*.pingcode.com/*",
  "https://*.worktile.com/*",
  "https://docs.google.com/document/*",
];
