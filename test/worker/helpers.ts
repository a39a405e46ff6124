import { exports } from "cloudflare:workers";
import type { Session } from "../../shared/workspace";

/** Calls the real Worker (its default export) as a client would, over fetch. */
export async function call(path: string, init: { method?: string; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  let body: string | undefined = init.rawBody;
  if (init.body !== undefined) {
    headers["Content-Type"] ??= "application/json";
    body = JSON.stringify(init.body);
  }
  const response = await exports.default.fetch(`http://liaison.test${path}`, {
    method: init.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
  });
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, json, headers: response.headers };
}

export async function createWorkspace(name = "Acme", member = { name: "Pat Lee", department: "Product" }): Promise<Session> {
  const response = await call("/v1/workspaces", { body: { name, member } });
  if (response.status !== 201) throw new Error(`createWorkspace: ${response.status} ${JSON.stringify(response.json)}`);
  return response.json;
}

export async function joinWorkspace(admin: Session, member = { name: "Sam Wu", department: "Engineering" }): Promise<Session> {
  const invite = await call("/v1/invites", { token: admin.token, body: {} });
  const joined = await call("/v1/join", { body: { code: invite.json.code, ...member } });
  if (joined.status !== 201) throw new Error(`join: ${joined.status} ${JSON.stringify(joined.json)}`);
  return joined.json;
}

let counter = 0;
/** A fresh client-generated id, as the extension makes them. */
export const newId = (prefix = "m") => `${prefix}${Date.now().toString(36)}${(counter++).toString(36).padStart(6, "0")}`;

export function actionItemUpsert(entityId: string, fields: Record<string, unknown>, id = newId()) {
  return { id, entity: "action_item", entityId, op: "upsert", fields };
}
