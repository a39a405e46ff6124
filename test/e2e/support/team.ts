import type { Page } from "playwright-core";
import type { Profile } from "./browser";

/** A member's session, as the API answers it. */
export interface ApiSession {
  token: string;
  workspace: { id: string; name: string };
  member: { id: string; name: string; department: string };
}

let counter = 0;
export const newId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36).padStart(5, "0")}`;

export async function apiCall<T>(apiUrl: string, path: string, init: { token?: string; body?: unknown; method?: string } = {}): Promise<T> {
  const response = await fetch(`${apiUrl}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const json = (await response.json()) as T;
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

export function createWorkspaceViaApi(apiUrl: string, name: string, member = { name: "Pat Lee", department: "Product" }) {
  return apiCall<ApiSession>(apiUrl, "/v1/workspaces", { body: { name, member } });
}

export async function inviteCode(apiUrl: string, admin: ApiSession): Promise<string> {
  return (await apiCall<{ code: string }>(apiUrl, "/v1/invites", { token: admin.token, body: {} })).code;
}

/** Saves entities as a teammate's browser would, through the sync API. */
export async function seed(
  apiUrl: string,
  member: ApiSession,
  entities: Array<{ entity: string; fields: Record<string, unknown>; id?: string }>,
) {
  const mutations = entities.map(({ entity, fields, id }) => ({
    id: newId("m"),
    entity,
    entityId: id ?? newId("e"),
    op: "upsert",
    fields,
  }));
  await apiCall(apiUrl, "/v1/sync/push", { token: member.token, body: { clientId: "seed-client-01", mutations } });
  return mutations.map((m) => m.entityId);
}

/** Connects a browser profile through Liaison's options page, as a user does. */
/** The options page's labels, in the language the browser runs in. */
export const optionsLabels = {
  en: {
    serverUrl: "Server URL",
    yourName: "Your name",
    department: "Department",
    workspaceName: "Workspace name",
    createWorkspace: "Create workspace",
    inviteCode: "Invite code",
    joinWorkspace: "Join workspace",
    connected: /^Connected to /,
  },
  zh: {
    serverUrl: "服务器地址",
    yourName: "你的名字",
    department: "部门",
    workspaceName: "工作区名称",
    createWorkspace: "创建工作区",
    inviteCode: "邀请码",
    joinWorkspace: "加入工作区",
    connected: /^已连接到 /,
  },
};

export async function connectProfile(
  profile: Profile,
  apiUrl: string,
  fields: { name: string; department: string },
  action: { create: string } | { code: string },
  labels = optionsLabels.en,
): Promise<Page> {
  const options = await profile.openPage("options.html");
  await options.getByLabel(labels.serverUrl).fill(apiUrl);
  await options.getByLabel(labels.yourName, { exact: true }).fill(fields.name);
  await options.getByLabel(labels.department, { exact: true }).fill(fields.department);
  if ("create" in action) {
    await options.getByLabel(labels.workspaceName).fill(action.create);
    await options.getByRole("button", { name: labels.createWorkspace }).click();
  } else {
    await options.getByLabel(labels.inviteCode).fill(action.code);
    await options.getByRole("button", { name: labels.joinWorkspace }).click();
  }
  await options.getByRole("heading", { name: labels.connected }).waitFor();
  return options;
}
