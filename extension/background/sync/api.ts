// The Worker's HTTP API as the background calls it: workspace, invite, member, push and pull calls, and how a failed call is reported.
import type { Browser } from "../../../shared/browsers";
import type { CalendarFeed, NewCalendarFeed } from "../../../shared/calendar-feeds";
import type { ReadMarksResponse } from "../../../shared/read-marks";
import type { PullResponse, PushRequest, PushResponse } from "../../../shared/sync";
import type { ApiErrorBody, Member, Session } from "../../../shared/workspace";
import type { HistoryEntry, TrashItem } from "../../common/messages/records";

/** A failed call to the sync API: its HTTP status (0 when the network failed) and the server's reason. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds: number | null = null,
    readonly details: unknown = null,
  ) {
    super(message);
  }

  /** Worth trying again later: the network, a busy or failing server, a rate limit. */
  get transient(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

const timeoutMs = 20_000;

// The API answers each request with a D1 session bookmark; sending the latest back means reads
// come from a replica that already has this browser's own writes.
const bookmarkHeader = "X-D1-Bookmark";
const bookmarks = new Map<string, string>();

export async function callApi<T>(
  serverUrl: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  const bookmark = bookmarks.get(serverUrl);
  if (bookmark) headers[bookmarkHeader] = bookmark;
  let response: Response;
  try {
    response = await fetch(new URL(path, serverUrl), {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(timeoutMs),
      cache: "no-store",
    });
  } catch (error) {
    throw new ApiFailure(0, "network", `Cannot reach ${serverUrl} (${error instanceof Error ? error.message : String(error)})`);
  }
  const latest = response.headers.get(bookmarkHeader);
  if (latest) bookmarks.set(serverUrl, latest);
  const payload = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const body = payload as Partial<ApiErrorBody> | null;
    const retryAfter = Number(response.headers.get("Retry-After"));
    throw new ApiFailure(
      response.status,
      body?.error?.code ?? "http_error",
      body?.error?.message ?? `The server answered ${response.status}`,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
      body?.error?.details ?? null,
    );
  }
  return payload as T;
}

/** The calls the sync engine makes; tests hand it one that goes through a faulty network. */
export interface SyncApi {
  push(serverUrl: string, token: string, body: PushRequest): Promise<PushResponse>;
  pull(serverUrl: string, token: string, since: number, limit: number): Promise<PullResponse>;
  members(serverUrl: string, token: string): Promise<{ members: Member[] }>;
  /** My "For me" read marks; with `keys`, adds those first. Absent in tests that leave read marks out. */
  /** Sends `keys` read here (if any); with `since` (a cursor, or "" for all), answers only the marks since it, and the next cursor. */
  readMarks?(serverUrl: string, token: string, keys?: string[], since?: string): Promise<ReadMarksResponse>;
}

export const api = {
  createWorkspace: (serverUrl: string, body: { name: string; member: { name: string; department: string } }) =>
    callApi<Session>(serverUrl, "/v1/workspaces", { body }),
  join: (serverUrl: string, body: { code: string; name: string; department: string }) => callApi<Session>(serverUrl, "/v1/join", { body }),
  signInWithCode: (serverUrl: string, body: { code: string; label?: string }) => callApi<Session>(serverUrl, "/v1/browsers", { body }),
  createBrowserCode: (serverUrl: string, token: string) =>
    callApi<{ code: string; expiresAt: string }>(serverUrl, "/v1/me/browser-code", { method: "POST", token }),
  browsers: (serverUrl: string, token: string) => callApi<{ browsers: Browser[] }>(serverUrl, "/v1/me/browsers", { token }),
  revokeBrowser: (serverUrl: string, token: string, id: string) =>
    callApi<null>(serverUrl, `/v1/me/browsers/${encodeURIComponent(id)}`, { method: "DELETE", token }),
  createCalendarFeed: (serverUrl: string, token: string) =>
    callApi<NewCalendarFeed>(serverUrl, "/v1/calendar-feeds", { method: "POST", token }),
  calendarFeeds: (serverUrl: string, token: string) => callApi<{ feeds: CalendarFeed[] }>(serverUrl, "/v1/calendar-feeds", { token }),
  revokeCalendarFeed: (serverUrl: string, token: string, id: string) =>
    callApi<null>(serverUrl, `/v1/calendar-feeds/${encodeURIComponent(id)}`, { method: "DELETE", token }),
  createInvite: (serverUrl: string, token: string) =>
    callApi<{ code: string; expiresAt: string }>(serverUrl, "/v1/invites", { token, body: {} }),
  admin: <T>(serverUrl: string, token: string, method: string, path: string, body?: unknown) =>
    callApi<T>(serverUrl, path, { method, token, body }),
  members: (serverUrl: string, token: string) => callApi<{ members: Member[] }>(serverUrl, "/v1/members", { token }),
  push: (serverUrl: string, token: string, body: PushRequest) => callApi<PushResponse>(serverUrl, "/v1/sync/push", { token, body }),
  pull: (serverUrl: string, token: string, since: number, limit: number) =>
    callApi<PullResponse>(serverUrl, `/v1/sync/pull?since=${since}&limit=${limit}`, { token }),
  readMarks: (serverUrl: string, token: string, keys?: string[], since?: string) =>
    callApi<ReadMarksResponse>(serverUrl, since === undefined ? "/v1/me/read" : `/v1/me/read?since=${encodeURIComponent(since)}`, {
      token,
      ...(keys ? { body: { keys } } : {}),
    }),
  trash: (serverUrl: string, token: string) => callApi<{ items: TrashItem[] }>(serverUrl, "/v1/trash", { token }),
  history: (serverUrl: string, token: string, entity: string, id: string) =>
    callApi<{ entries: HistoryEntry[] }>(serverUrl, `/v1/history/${encodeURIComponent(entity)}/${encodeURIComponent(id)}`, { token }),
  exportFile: (serverUrl: string, token: string, file: string) => fetchFile(serverUrl, `/v1/export/${file}`, token),
};

/** A file the API serves (an export): its text, type and the name the server gives it; a failure as `callApi` reports one. */
async function fetchFile(serverUrl: string, path: string, token: string): Promise<{ filename: string; mimeType: string; text: string }> {
  let response: Response;
  try {
    response = await fetch(new URL(path, serverUrl), {
      headers: { Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(timeoutMs),
      cache: "no-store",
    });
  } catch (error) {
    throw new ApiFailure(0, "network", `Cannot reach ${serverUrl} (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as Partial<ApiErrorBody> | null;
    throw new ApiFailure(
      response.status,
      body?.error?.code ?? "http_error",
      body?.error?.message ?? `The server answered ${response.status}`,
    );
  }
  const named = /filename="?([^";]+)"?/.exec(response.headers.get("Content-Disposition") ?? "")?.[1];
  return {
    filename: named ?? path.split("/").pop() ?? "liaison-export",
    mimeType: (response.headers.get("Content-Type") ?? "text/plain").split(";")[0],
    text: await response.text(),
  };
}
