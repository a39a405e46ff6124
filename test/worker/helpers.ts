import { env, exports } from "cloudflare:workers";
import { expect } from "vitest";
import type { Mutation, MutationResult, PullResponse } from "../../shared/sync";
import type { Session } from "../../shared/workspace";

export interface CallResult {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: an answer's shape is what the assertions check
  json: any;
  /** The body as text (CSV, iCalendar and other non-JSON answers). */
  text: string;
  headers: Headers;
}

// A random prefix per test file: the limiter's counts outlive one file's storage.
const addressPrefix = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:`;
let addresses = 0;

/**
 * Calls the real Worker (its default export) as a client would, over fetch. Each call comes from
 * its own client address unless the test names one, so that the per-address limit of one test
 * (refused tokens count against it) never spills into another.
 */
export async function call(
  path: string,
  init: { method?: string; token?: string; body?: unknown; rawBody?: BodyInit; headers?: Record<string, string> } = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { "CF-Connecting-IP": `${addressPrefix}:${(addresses++).toString(16)}`, ...(init.headers ?? {}) };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  let body: BodyInit | undefined = init.rawBody;
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
  let json: CallResult["json"] = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, json, text, headers: response.headers };
}

export async function createWorkspace(name = "Acme", member = { name: "Pat Lee", department: "Product" }): Promise<Session> {
  const response = await call("/v1/workspaces", { body: { name, member } });
  if (response.status !== 201) throw new Error(`createWorkspace: ${response.status} ${JSON.stringify(response.json)}`);
  return response.json;
}

export async function createInvite(admin: Session, body: { maxUses?: number; expiresInDays?: number } = {}): Promise<string> {
  const invite = await call("/v1/invites", { token: admin.token, body });
  if (invite.status !== 201) throw new Error(`invite: ${invite.status} ${JSON.stringify(invite.json)}`);
  return invite.json.code;
}

export async function joinWorkspace(admin: Session, member = { name: "Sam Wu", department: "Engineering" }): Promise<Session> {
  const code = await createInvite(admin);
  const joined = await call("/v1/join", { body: { code, ...member } });
  if (joined.status !== 201) throw new Error(`join: ${joined.status} ${JSON.stringify(joined.json)}`);
  return joined.json;
}

let counter = 0;
/** A fresh client-generated id, as the extension makes them. */
export const newId = (prefix = "m") => `${prefix}${Date.now().toString(36)}${(counter++).toString(36).padStart(6, "0")}`;

export function actionItemUpsert(entityId: string, fields: Record<string, unknown>, id = newId()) {
  return { id, entity: "action_item", entityId, op: "upsert", fields } as Mutation;
}

export function actionItemDelete(entityId: string, id = newId()) {
  return { id, entity: "action_item", entityId, op: "delete" } as Mutation;
}

export const clientId = "client-0001";

export function push(token: string, mutations: unknown[]) {
  return call("/v1/sync/push", { token, body: { clientId, mutations } });
}

/** Pushes and expects the server to take the batch; answers the per-mutation results and the cursor. */
export async function pushOk(token: string, mutations: unknown[]): Promise<{ results: MutationResult[]; cursor: number }> {
  const response = await push(token, mutations);
  if (response.status !== 200) throw new Error(`push: ${response.status} ${JSON.stringify(response.json)}`);
  return response.json;
}

export async function pull(token: string, since = 0, limit?: number): Promise<PullResponse> {
  const query = limit === undefined ? `since=${since}` : `since=${since}&limit=${limit}`;
  const response = await call(`/v1/sync/pull?${query}`, { token });
  if (response.status !== 200) throw new Error(`pull: ${response.status} ${JSON.stringify(response.json)}`);
  return response.json;
}

/** The answer is the API's one error envelope, with this status (and code, when given). */
export function expectError(response: CallResult, status: number, code?: string) {
  expect(response.status, JSON.stringify(response.json)).toBe(status);
  expect(response.headers.get("Content-Type") ?? "").toMatch(/^application\/json/);
  expect(response.json).toEqual({
    error: expect.objectContaining({ code: code ?? expect.any(String), message: expect.any(String) }),
  });
  expect(response.json.error.message.length).toBeGreaterThan(0);
}

export async function rows<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T[]> {
  const { results } = await env.DB.prepare(sql)
    .bind(...params)
    .all<T>();
  return results;
}

export async function workspaceSeq(workspaceId: string): Promise<number> {
  const [row] = await rows<{ seq: number }>("SELECT seq FROM workspaces WHERE id = ?1", workspaceId);
  return row.seq;
}

/** Every row of every table the API writes, in a stable order: equal snapshots mean nothing was written. */
export async function snapshot() {
  return {
    workspaces: await rows("SELECT * FROM workspaces ORDER BY id"),
    members: await rows("SELECT * FROM members ORDER BY id"),
    invites: await rows("SELECT * FROM invites ORDER BY code_hash"),
    entities: await rows("SELECT * FROM entities ORDER BY workspace_id, entity, id"),
    mutations: await rows("SELECT * FROM mutations ORDER BY workspace_id, id"),
    writeGuard: await rows("SELECT * FROM write_guard"),
  };
}

/** The names of the tables of the database, without SQLite's and D1's own. */
export async function tableNames(): Promise<string[]> {
  const tables = await rows<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  return tables.map((t) => t.name).filter((name) => !name.startsWith("sqlite_") && !name.startsWith("_cf_"));
}

export async function sha256Hex(value: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(value));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
