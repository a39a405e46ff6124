import { defineConfig } from "wxt";
import { trackerMatches } from "./shared/sites/keys";

export default defineConfig({
  srcDir: "extension",
  publicDir: "extension/public",
  outDir: ".output",
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: "__MSG_extName__",
    description: "__MSG_extDescription__",
    default_locale: "en",
    permissions: ["storage", "alarms", "contextMenus", "activeTab", "scripting", "notifications"],
    // Self-hosted GitLab, Jira and Confluence: asked for one host at a time, when the user adds it in options.
    optional_host_permissions: ["https://*/*", "http://*/*"],
    action: { default_title: "__MSG_extName__" },
    commands: {
      "capture-action-item": {
        suggested_key: { default: "Alt+Shift+A" },
        description: "__MSG_commandCapture__",
      },
      [browser === "firefox" ? "_execute_sidebar_action" : "_execute_action"]: {
        suggested_key: { default: "Alt+Shift+L" },
        description: "__MSG_commandOpenSidebar__",
      },
    },
    // No web page and no other extension may message Liaison (Chrome; Firefox has no such channel).
    ...(browser === "firefox" ? {} : { externally_connectable: { ids: [], matches: [] } }),
    // Firefox asks the user's consent to what leaves the browser: what members capture goes to their
    // workspace's server (the quotes of pages, the notes and replies they write, members' names).
    ...(browser === "firefox"
      ? {
          browser_specific_settings: {
            gecko: {
              id: "liaison@liaison.app",
              strict_min_version: "142.0",
              data_collection_permissions: { required: ["websiteContent", "personalCommunications", "personallyIdentifyingInfo"] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // Content scripts run on the trackers of the site list (shared/sites/keys.ts), which also makes
    // those hosts the manifest's host permissions. Set here rather than imported by the scripts:
    // the page-start script then carries neither the list nor the URL builders that come with it.
    "entrypoints:resolved": (_, entrypoints) => {
      for (const entrypoint of entrypoints) {
        if (entrypoint.type === "content-script") entrypoint.options.matches ??= [...trackerMatches];
      }
    },
  },
  vite: () => ({
    // Release builds close the in-page UI's shadow roots; LIAISON_OPEN_SHADOW_ROOTS=1 opens them for black-box tests.
    define: { __LIAISON_OPEN_SHADOW_ROOTS__: JSON.stringify(process.env.LIAISON_OPEN_SHADOW_ROOTS === "1") },
    esbuild: { jsx: "automatic", jsxImportSource: "preact" },
    resolve: { alias: { react: "preact/compat", "react-dom": "preact/compat" } },
  }),
});
