import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { addSelfHosted, reconcileSelfHosted, removeSelfHosted } from "../../extension/background/self-hosted";
import { contentScriptId, selfHostedOrigin } from "../../extension/common/self-hosted";
import { type Db, getKv, openStore } from "../../extension/store/db";
import { clearStore, storeChannelName } from "../../extension/store/store";

describe("self-hosted tracker addresses", () => {
  it.each([
    ["gitlab.acme.corp", "https://gitlab.acme.corp", "https://gitlab.acme.corp/*"],
    ["https://jira.acme.corp/secure/Dashboard.jspa", "https://jira.acme.corp", "https://jira.acme.corp/*"],
    ["http://wiki.intra.example:8090/display/ENG", "http://wiki.intra.example:8090", "http://wiki.intra.example/*"],
    ["  HTTPS://GitLab.Example.com/  ", "https://gitlab.example.com", "https://gitlab.example.com/*"],
  ])("%s is %s, asked for as %s", (input, origin, pattern) => {
    expect(selfHostedOrigin(input)).toEqual({ origin, pattern });
  });

  it.each(["", "not a host", "ftp://files.example.com", "javascript:alert(1)", "https://user:pw@gitlab.example.com", "intranet"])(
    "refuses %j",
    (input) => {
      expect(selfHostedOrigin(input)).toBeNull();
    },
  );

  it("names one content script per host", () => {
    expect(contentScriptId("https://gitlab.acme.corp")).toBe("liaison-self-hosted-https-gitlab-acme-corp");
    expect(contentScriptId("https://gitlab.acme.corp")).not.toBe(contentScriptId("https://jira.acme.corp"));
  });
});

describe("self-hosted trackers in the background", () => {
  const origin = "https://gitlab.acme.corp";
  const pattern = "https://gitlab.acme.corp/*";
  const id = contentScriptId(origin);
  let db: Db;
  let granted: Set<string>;
  let scripts: Map<string, string[]>;
  let sent: Array<[number, unknown]>;
  let announced: unknown[];
  let channel: BroadcastChannel;

  beforeEach(async () => {
    db = await openStore();
    await clearStore(db);
    granted = new Set();
    scripts = new Map();
    sent = [];
    announced = [];
    channel = new BroadcastChannel(storeChannelName);
    channel.onmessage = (event: MessageEvent) => announced.push(event.data);
    vi.spyOn(fakeBrowser.permissions, "contains").mockImplementation(async ({ origins }) => (origins ?? []).every((o) => granted.has(o)));
    vi.spyOn(fakeBrowser.permissions, "remove").mockImplementation(async ({ origins }) => {
      for (const o of origins ?? []) granted.delete(o);
      return true;
    });
    vi.spyOn(fakeBrowser.scripting, "getRegisteredContentScripts").mockImplementation(async (filter) =>
      [...scripts].filter(([key]) => !filter?.ids || filter.ids.includes(key)).map(([key, matches]) => ({ id: key, matches })),
    );
    vi.spyOn(fakeBrowser.scripting, "registerContentScripts").mockImplementation(async (list) => {
      for (const script of list) scripts.set(script.id, script.matches ?? []);
    });
    vi.spyOn(fakeBrowser.scripting, "unregisterContentScripts").mockImplementation(async (filter) => {
      for (const key of filter?.ids ?? []) scripts.delete(key);
    });
    // Two tabs open; their addresses are not Liaison's to see, so every tab is told.
    vi.spyOn(fakeBrowser.tabs, "query").mockResolvedValue([{ id: 3 }, { id: 4 }] as Browser.tabs.Tab[]);
    vi.spyOn(fakeBrowser.tabs, "sendMessage").mockImplementation(async (tabId: number, message: unknown) => {
      sent.push([tabId, message]);
    });
  });

  afterEach(() => {
    channel.close();
    vi.restoreAllMocks();
  });

  /** Announcements reach other pages after a task. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  it("refuses a host the user did not grant", async () => {
    await expect(addSelfHosted(db, origin, "gitlab")).rejects.toThrow("Liaison has no permission for https://gitlab.acme.corp");
    expect(scripts.size).toBe(0);
    await expect(getKv(db, "selfHosted")).resolves.toBeUndefined();
  });

  it("registers Liaison on a granted host, once, and tells the options page its list changed", async () => {
    granted.add(pattern);
    await addSelfHosted(db, "gitlab.acme.corp/acme", "gitlab");
    await expect(addSelfHosted(db, origin, "gitlab")).resolves.toEqual([{ origin, kind: "gitlab" }]);
    expect([...scripts]).toEqual([[id, [pattern]]]);
    await settle();
    expect(announced).toContainEqual({ type: "state" });
  });

  it("removing a host unregisters Liaison, gives the permission back and has its open pages leave", async () => {
    granted.add(pattern);
    await addSelfHosted(db, origin, "gitlab");
    await settle();
    announced.length = 0;
    await expect(removeSelfHosted(db, origin)).resolves.toEqual([]);
    expect(scripts.size).toBe(0);
    expect(granted.size).toBe(0);
    expect(sent).toEqual([
      [3, { type: "page.leave", origin }],
      [4, { type: "page.leave", origin }],
    ]);
    await settle();
    expect(announced).toContainEqual({ type: "state" });
  });

  it("a host Liaison runs on anyway keeps Liaison on its open pages when removed from the list", async () => {
    granted.add("https://gitlab.com/*");
    await addSelfHosted(db, "https://gitlab.com", "gitlab");
    vi.mocked(fakeBrowser.permissions.remove).mockRejectedValueOnce(new Error("You cannot remove required permissions."));
    await expect(removeSelfHosted(db, "https://gitlab.com")).resolves.toEqual([]);
    expect(scripts.size).toBe(0);
    expect(sent).toEqual([]);
  });

  it("access removed in the browser: Liaison unregisters there and leaves the open pages; granted again, it comes back", async () => {
    granted.add(pattern);
    await addSelfHosted(db, origin, "gitlab");
    await settle();
    announced.length = 0;
    granted.delete(pattern);
    await reconcileSelfHosted(db);
    expect(scripts.size).toBe(0);
    expect(sent).toEqual([
      [3, { type: "page.leave", origin }],
      [4, { type: "page.leave", origin }],
    ]);
    await settle();
    expect(announced).toContainEqual({ type: "state" });
    granted.add(pattern);
    await reconcileSelfHosted(db);
    expect([...scripts]).toEqual([[id, [pattern]]]);
  });

  it("a registration made meanwhile (the grant's own reconcile) is not an error", async () => {
    granted.add(pattern);
    vi.mocked(fakeBrowser.scripting.registerContentScripts).mockImplementationOnce(async () => {
      scripts.set(id, [pattern]);
      throw new Error(`Duplicate script ID '${id}'`);
    });
    await expect(addSelfHosted(db, origin, "gitlab")).resolves.toEqual([{ origin, kind: "gitlab" }]);
    expect([...scripts]).toEqual([[id, [pattern]]]);
  });
});
