// Workspace administration: creating, joining and leaving a workspace, signing in, invites, members and my token.
import { browserSignInRequest } from "../../shared/browsers";
import { describeIssues } from "../../shared/entities";
import { type Invite, joinRequest } from "../../shared/workspace";
import type { Replies } from "../common/messages";
import type { workspaceMessages } from "../common/messages/workspace";
import { publicSession, type StoredSession } from "../common/session";
import { setKv } from "../store/db";
import { announceChange, clearStore } from "../store/store";
import { t } from "../ui/i18n";
import type { Background, Handlers } from "./context";
import { api } from "./sync/api";

export function startWorkspace(background: Background): Handlers<keyof typeof workspaceMessages> {
  async function signIn(next: StoredSession) {
    const store = await background.db;
    const previous = await background.session();
    // Another workspace's rows must not mix with this one's; unsent local work stays queued for the new one.
    if (previous && previous.workspace.id !== next.workspace.id) {
      await clearStore(store);
    }
    await setKv(store, "session", next);
    await setKv(store, "members", [next.member]);
    announceChange();
    void background.syncSoon();
    return publicSession(next) as NonNullable<ReturnType<typeof publicSession>>;
  }

  /** The signed-in session, for the calls that need one. */
  async function signedIn(): Promise<StoredSession> {
    const current = await background.session();
    if (!current) throw new Error(t("errorNotConnected"));
    return current;
  }

  return {
    "workspace.create": async (message) => {
      const created = await api.createWorkspace(message.serverUrl, { name: message.name, member: message.member });
      return { session: await signIn({ serverUrl: message.serverUrl, ...created }) };
    },
    "workspace.join": async (message) => {
      const body = joinRequest.safeParse({ code: message.code, name: message.name, department: message.department });
      if (!body.success) throw new Error(describeIssues(body.error));
      const joined = await api.join(message.serverUrl, body.data);
      return { session: await signIn({ serverUrl: message.serverUrl, ...joined }) };
    },
    "workspace.signInWithCode": async (message) => {
      const body = browserSignInRequest.safeParse({ code: message.code, label: thisBrowser() });
      if (!body.success) throw new Error(describeIssues(body.error));
      const signedInAs = await api.signInWithCode(message.serverUrl, body.data);
      return { session: await signIn({ serverUrl: message.serverUrl, ...signedInAs }) };
    },
    "browser.code": async () => {
      const current = await signedIn();
      return api.createBrowserCode(current.serverUrl, current.token);
    },
    "browser.list": async () => {
      const current = await signedIn();
      return api.browsers(current.serverUrl, current.token);
    },
    "browser.revoke": async (message) => {
      const current = await signedIn();
      await api.revokeBrowser(current.serverUrl, current.token, message.id);
      // When it was this browser, the sync that follows meets the 401 and says it is signed out.
      void background.syncSoon();
      return {};
    },
    "workspace.leave": async (_message, { store }) => {
      await clearStore(store);
      announceChange();
      return {};
    },
    "workspace.admin": async ({ action }, { store }) => {
      const current = await signedIn();
      const call = <T>(method: string, path: string, body?: unknown) => api.admin<T>(current.serverUrl, current.token, method, path, body);
      let reply: Replies["workspace.admin"] = {};
      if (action.kind === "invites.list") reply = await call<{ invites: Invite[] }>("GET", "/v1/invites");
      if (action.kind === "invites.revoke") await call("DELETE", `/v1/invites/${action.id}`);
      if (action.kind === "members.role") await call("PATCH", `/v1/members/${action.id}`, { role: action.role });
      if (action.kind === "members.remove") await call("DELETE", `/v1/members/${action.id}`);
      if (action.kind === "workspace.rename") {
        await call("PATCH", "/v1/workspace", { name: action.name });
        await setKv(store, "session", { ...current, workspace: { ...current.workspace, name: action.name } });
      }
      if (action.kind === "token.rotate") {
        const { token } = await call<{ token: string }>("POST", "/v1/me/token");
        await setKv(store, "session", { ...current, token });
      }
      announceChange();
      void background.syncSoon();
      return reply;
    },
    "invite.create": async () => {
      const current = await signedIn();
      return api.createInvite(current.serverUrl, current.token);
    },
  };
}

const browserNames: Array<[RegExp, string]> = [
  [/Firefox\//, "Firefox"],
  [/Edg\//, "Edge"],
  [/Chrome\//, "Chrome"],
];
const systemNames: Array<[RegExp, string]> = [
  [/Windows/, "Windows"],
  [/Mac OS X/, "macOS"],
  [/CrOS/, "ChromeOS"],
  [/Android/, "Android"],
  [/Linux/, "Linux"],
];

/** What the member's list of browsers calls this one, e.g. "Firefox on Windows", from its user agent. */
function thisBrowser(): string {
  const agent = navigator.userAgent;
  const name = browserNames.find(([pattern]) => pattern.test(agent))?.[1] ?? "Browser";
  const system = systemNames.find(([pattern]) => pattern.test(agent))?.[1];
  return system ? `${name} on ${system}` : name;
}
