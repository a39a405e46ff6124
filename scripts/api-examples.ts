// Writes docs/api.md: one real request and response for every route of the sync API, taken
// from the Worker as `npm start` runs it. Run: npm run docs:api
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, root, startApi } from "./server.mjs";

// biome-ignore lint/suspicious/noExplicitAny: example answers are read loosely, field by field.
type Json = any;

interface Example {
  title: string;
  note?: string;
  method: string;
  path: string;
  auth?: "admin" | "member" | "new member";
  headers?: Record<string, string>;
  body?: unknown;
}

const persistTo = await mkdtemp(path.join(tmpdir(), "liaison-docs-"));
const api = await startApi({ port: await freePort(), persistTo, quiet: true, inspectorPort: await freePort() });
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const sections: string[] = [];

/** Long ids and tokens read as placeholders in the document. */
function redact(text: string): string {
  let out = text;
  for (const [name, value] of Object.entries(tokens)) out = out.split(value).join(`<${name} token>`);
  return out.replace(/\b[0-9a-f]{32}\b/g, (id) => ids[id] ?? id);
}

async function example(e: Example): Promise<{ status: number; json: Json; text: string; headers: Headers }> {
  const headers: Record<string, string> = { ...(e.headers ?? {}) };
  if (e.auth) headers.Authorization = `Bearer ${tokens[e.auth]}`;
  if (e.body !== undefined && !headers["Content-Type"]) headers["Content-Type"] = "application/json";
  const response = await fetch(`${api.url}${e.path}`, {
    method: e.method,
    headers,
    body: e.body === undefined ? undefined : typeof e.body === "string" ? e.body : JSON.stringify(e.body),
  });
  const text = await response.text();
  let json: Json = null;
  try {
    json = JSON.parse(text);
  } catch {}
  const shownHeaders = ["Content-Type", "ETag", "Location", "Link", "Allow", "Retry-After"]
    .map((name) => (response.headers.get(name) ? `${name}: ${response.headers.get(name)}` : ""))
    .filter(Boolean);
  const request = [`${e.method} ${e.path}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join("\n");
  const bodyText = e.body === undefined ? "" : `\n\n${typeof e.body === "string" ? e.body : JSON.stringify(e.body, null, 2)}`;
  const responseBody = json !== null ? JSON.stringify(json, null, 2) : text;
  sections.push(
    redact(
      [
        `### ${e.title}`,
        "",
        ...(e.note ? [e.note, ""] : []),
        "```http",
        `${request}${bodyText}`,
        "```",
        "",
        "```http",
        [`HTTP ${response.status}`, ...shownHeaders].join("\n") +
          (responseBody ? `\n\n${responseBody.length > 3000 ? `${responseBody.slice(0, 3000)}\n…` : responseBody}` : ""),
        "```",
        "",
      ].join("\n"),
    ),
  );
  return { status: response.status, json, text, headers: response.headers };
}

try {
  sections.push("## Health\n");
  await example({ title: "GET /health", method: "GET", path: "/health" });

  sections.push("## Workspaces and members\n");
  const created = await example({
    title: "POST /v1/workspaces: create a workspace (the creator is its admin)",
    method: "POST",
    path: "/v1/workspaces",
    body: { name: "Acme", member: { name: "Pat Lee", department: "Product" } },
  });
  tokens.admin = created.json.token;
  ids[created.json.workspace.id] = "<workspace id>";
  ids[created.json.member.id] = "<admin member id>";
  const invite = await example({
    title: "POST /v1/invites: make an invite code (admins)",
    method: "POST",
    path: "/v1/invites",
    auth: "admin",
    body: { maxUses: 10, expiresInDays: 7 },
  });
  ids[invite.json.id] = "<invite id>";
  const joined = await example({
    title: "POST /v1/join: join with an invite code",
    method: "POST",
    path: "/v1/join",
    body: { code: invite.json.code, name: "Sam Wu", department: "Engineering" },
  });
  tokens.member = joined.json.token;
  ids[joined.json.member.id] = "<member id>";
  await example({
    title: "GET /v1/invites: the workspace's invites (admins; codes are not kept)",
    method: "GET",
    path: "/v1/invites",
    auth: "admin",
  });
  await example({ title: "GET /v1/me: who am I", method: "GET", path: "/v1/me", auth: "member" });
  await example({
    title: "PATCH /v1/me: change my name or department",
    method: "PATCH",
    path: "/v1/me",
    auth: "member",
    body: { department: "Platform" },
  });
  await example({ title: "GET /v1/members: the workspace's members", method: "GET", path: "/v1/members", auth: "member" });
  await example({
    title: "PATCH /v1/members/{id}: change a member's role (admins)",
    method: "PATCH",
    path: `/v1/members/${joined.json.member.id}`,
    auth: "admin",
    body: { role: "member" },
  });
  await example({ title: "GET /v1/workspace: the caller's workspace", method: "GET", path: "/v1/workspace", auth: "member" });
  await example({
    title: "PATCH /v1/workspace: rename it (admins)",
    method: "PATCH",
    path: "/v1/workspace",
    auth: "admin",
    body: { name: "Acme Payments" },
  });

  sections.push("## Sync\n");
  await example({
    title: "POST /v1/sync/push: send local changes",
    note: "Mutation ids are made by the client; a retried push answers `duplicate` for what was applied already. Upserts carry only changed fields; the server merges them field by field. Up to 100 mutations a push.",
    method: "POST",
    path: "/v1/sync/push",
    auth: "member",
    body: {
      clientId: "laptop-0001",
      mutations: [
        {
          id: "mutation-000001",
          entity: "action_item",
          entityId: "item-0000001",
          op: "upsert",
          fields: { text: "Confirm the DPA", owner: "Dana Ortiz", department: "Legal", due: "2026-12-15", targets: ["github:acme/app#7"] },
        },
        {
          id: "mutation-000002",
          entity: "responsibility",
          entityId: "raci-0000001",
          op: "upsert",
          fields: { target: "github:acme/app#7", person: "Pat Lee", department: "Product", role: "A" },
        },
        {
          id: "mutation-000003",
          entity: "risk",
          entityId: "risk-0000001",
          op: "upsert",
          fields: {
            title: "EU checkout outage",
            likelihood: 4,
            impact: 5,
            targets: ["github:acme/app#7"],
            mitigation: "Regional endpoint",
            contingency: "Route EU traffic to the US provider",
          },
        },
      ],
    },
  });
  await example({
    title: "GET /v1/sync/pull: changes since a cursor",
    method: "GET",
    path: "/v1/sync/pull?since=0&limit=2",
    auth: "admin",
  });
  await example({
    title: "POST /v1/sync/push: a delete leaves a tombstone",
    method: "POST",
    path: "/v1/sync/push",
    auth: "member",
    body: { clientId: "laptop-0001", mutations: [{ id: "mutation-000004", entity: "risk", entityId: "risk-0000001", op: "delete" }] },
  });
  await example({
    title: "GET /v1/sync/pull: a cursor the server cannot continue",
    note: "The client drops its synced rows (keeping unsent work) and pulls again from 0.",
    method: "GET",
    path: "/v1/sync/pull?since=999",
    auth: "member",
  });
  await example({
    title: "POST /v1/sync/push: an annotation (only its author may change it)",
    method: "POST",
    path: "/v1/sync/push",
    auth: "member",
    body: {
      clientId: "laptop-0001",
      mutations: [
        {
          id: "mutation-000005",
          entity: "annotation",
          entityId: "note-0000001",
          op: "upsert",
          fields: { url: "https://acme.atlassian.net/wiki/spaces/LEG/pages/1", quote: "stored in the EU", body: "Still true?" },
        },
      ],
    },
  });
  await example({
    method: "POST",
    title: "A stale annotation edit (an old baseVersion): 409 with the current row",
    path: "/v1/sync/push",
    auth: "member",
    body: {
      clientId: "laptop-0001",
      mutations: [
        { id: "mutation-000006", entity: "annotation", entityId: "note-0000001", op: "upsert", fields: { body: "Edited" }, baseVersion: 1 },
      ],
    },
  });

  await example({
    title: "A stale edit of a field someone else changed: 409 with the current row and the fields",
    note: "Any kind: the admin changes the action item's owner, then the member, editing from version 1, changes it too. Edits of other fields merge.",
    method: "POST",
    path: "/v1/sync/push",
    auth: "admin",
    body: {
      clientId: "desk-0000001",
      mutations: [{ id: "mutation-000010", entity: "action_item", entityId: "item-0000001", op: "upsert", fields: { owner: "Pat Lee" } }],
    },
  });
  await example({
    title: "…and the member's stale edit of the same field",
    method: "POST",
    path: "/v1/sync/push",
    auth: "member",
    body: {
      clientId: "laptop-0001",
      mutations: [
        {
          id: "mutation-000011",
          entity: "action_item",
          entityId: "item-0000001",
          op: "upsert",
          fields: { owner: "Sam Wu" },
          baseVersion: 1,
        },
      ],
    },
  });
  await example({
    title: "A mutation id reused for a different change: 409",
    method: "POST",
    path: "/v1/sync/push",
    auth: "member",
    body: {
      clientId: "laptop-0001",
      mutations: [
        { id: "mutation-000001", entity: "action_item", entityId: "item-0000001", op: "upsert", fields: { text: "Something else" } },
      ],
    },
  });

  sections.push("## Trash and history\n");
  await example({
    title: "GET /v1/trash: deleted records I may restore (mine, or all for admins; 30 days)",
    method: "GET",
    path: "/v1/trash",
    auth: "member",
  });
  await example({
    title: "POST /v1/sync/push: restore a deleted record (its author or an admin)",
    method: "POST",
    path: "/v1/sync/push",
    auth: "member",
    body: { clientId: "laptop-0001", mutations: [{ id: "mutation-000012", entity: "risk", entityId: "risk-0000001", op: "restore" }] },
  });
  await example({
    title: "GET /v1/history/{entity}/{id}: who changed what, newest first",
    method: "GET",
    path: "/v1/history/risk/risk-0000001",
    auth: "admin",
  });

  sections.push("## Web Annotation Protocol\n");
  const posted = await example({
    title: "POST /w3c/annotations/: create an annotation",
    method: "POST",
    path: "/w3c/annotations/",
    auth: "member",
    headers: { "Content-Type": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
    body: {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "Annotation",
      body: { type: "TextualBody", value: "Legal: please review this clause", format: "text/plain", purpose: "commenting" },
      target: {
        source: "https://docs.example.com/dpa",
        selector: { type: "TextQuoteSelector", exact: "stored in the EU", prefix: "All data is ", suffix: " region." },
      },
    },
  });
  const iri = new URL(posted.json?.id ?? `${api.url}/w3c/annotations/x`).pathname;
  await example({ title: "GET /w3c/annotations/{id}", method: "GET", path: iri, auth: "member" });
  await example({
    title: "PUT /w3c/annotations/{id} with If-Match",
    method: "PUT",
    path: iri,
    auth: "member",
    headers: { "Content-Type": "application/ld+json", "If-Match": posted.headers.get("ETag") ?? "" },
    body: {
      ...posted.json,
      body: { type: "TextualBody", value: "Legal: please review by Friday", format: "text/plain", purpose: "commenting" },
    },
  });
  await example({
    title: "GET /w3c/annotations/: the container (an AnnotationCollection)",
    method: "GET",
    path: "/w3c/annotations/",
    auth: "member",
  });
  await example({
    title: "OPTIONS /w3c/annotations/: what the container allows",
    method: "OPTIONS",
    path: "/w3c/annotations/",
    auth: "member",
  });
  await example({ title: "DELETE /w3c/annotations/{id}", method: "DELETE", path: iri, auth: "member", headers: { "If-Match": "*" } });

  sections.push("## Exports\n");
  await example({ title: "GET /v1/export/action-items.csv", method: "GET", path: "/v1/export/action-items.csv", auth: "member" });
  await example({ title: "GET /v1/export/calendar.ics", method: "GET", path: "/v1/export/calendar.ics", auth: "member" });
  await example({ title: "GET /v1/export/annotations.jsonld", method: "GET", path: "/v1/export/annotations.jsonld", auth: "member" });

  sections.push("## Calendar feeds\n");
  const feed = await example({
    title: "POST /v1/calendar-feeds: a secret feed address for my calendar app (shown this once; at most 5 per member)",
    method: "POST",
    path: "/v1/calendar-feeds",
    auth: "member",
  });
  const feedPath = new URL(feed.json?.url ?? "http://x/").pathname;
  tokens["calendar feed"] = /\/v1\/calendar\/(.+)\.ics$/.exec(feedPath)?.[1] ?? "<none>";
  // The secret is known only from the answer just written down: that example is redacted again.
  sections[sections.length - 1] = redact(sections[sections.length - 1]);
  await example({ title: "GET /v1/calendar-feeds: my feeds", method: "GET", path: "/v1/calendar-feeds", auth: "member" });
  await example({
    title: "GET /v1/calendar/{secret}.ics: the feed, as a calendar app reads it (no token)",
    note: "My open action items' due dates, my risk reviews, the escalations I decide and the meetings I attend, as all-day events. Counted per client address like the routes nobody signs in for.",
    method: "GET",
    path: feedPath,
  });
  await example({
    title: "DELETE /v1/calendar-feeds/{id}: revoke a feed",
    method: "DELETE",
    path: `/v1/calendar-feeds/${feed.json?.feed?.id}`,
    auth: "member",
  });
  await example({ title: "A revoked feed: 404", method: "GET", path: feedPath });
  sections.push("## Team chat channels\n");
  await example({
    title: "PATCH /v1/workspace: the language chat messages are written in (admins; en or zh-CN)",
    method: "PATCH",
    path: "/v1/workspace",
    auth: "admin",
    body: { language: "zh-CN" },
  });
  const channel = await example({
    title: "POST /v1/channels: add a channel (admins)",
    note: "Platforms: feishu, dingtalk, wecom, slack, webhook. The address must be https (plain http only for localhost, 127.0.0.1 or [::1]). The address and the secret are write-only (for most platforms the address holds the bot's token): answers give the address masked to its scheme and host, with `urlHint` (its last 4 characters) and `hasUrl`, and say `hasSecret`. Empty `departments` or `events` mean all; `weekly` is the weekly report's UTC weekday (0 Sunday) and hour, or null. Events: action_assigned, action_overdue, escalation_opened, escalation_decided, risk_recorded (score 15 or more), risk_occurred, decision_recorded, help_needed, weekly_report.",
    method: "POST",
    path: "/v1/channels",
    auth: "admin",
    body: {
      name: "Engineering group",
      platform: "dingtalk",
      url: "http://127.0.0.1:9/robot/send?access_token=example",
      secret: "SEC-example-secret",
      departments: ["Engineering"],
      events: ["action_assigned", "escalation_opened", "weekly_report"],
      weekly: { weekday: 1, hour: 1 },
    },
  });
  ids[channel.json.channel.id] = "<channel id>";
  await example({
    title: "GET /v1/channels: the workspace's channels, with each one's last failed delivery and pause (admins)",
    method: "GET",
    path: "/v1/channels",
    auth: "admin",
  });
  await example({
    title: "PATCH /v1/channels/{id}: change a channel; `paused: false` resumes a paused one (admins)",
    note: "Send `url` only to replace the address. A new url or secret resumes it too. An empty secret removes it.",
    method: "PATCH",
    path: `/v1/channels/${channel.json.channel.id}`,
    auth: "admin",
    body: { events: [], paused: false },
  });
  await example({
    title: "POST /v1/channels/{id}/test: send a test message now and say what the receiver answered (admins)",
    note: "The answer is the receiver's HTTP status (0: no answer), the platform's error code if any, and `kind` (null when sent; else timeout, unreachable, http or platform), never the receiver's text. A test takes one of the channel's sends of the minute, and only while fewer than 3 went: beyond, 429 with Retry-After.",
    method: "POST",
    path: `/v1/channels/${channel.json.channel.id}/test`,
    auth: "admin",
  });
  await example({ title: "Channels are for admins: 403", method: "GET", path: "/v1/channels", auth: "member" });
  await example({
    title: "DELETE /v1/channels/{id} (admins)",
    method: "DELETE",
    path: `/v1/channels/${channel.json.channel.id}`,
    auth: "admin",
  });

  sections.push("## Tokens, invites and members\n");
  const browserCode = await example({
    title: "POST /v1/me/browser-code: a one-time code to sign another browser in as me (10 minutes)",
    method: "POST",
    path: "/v1/me/browser-code",
    auth: "member",
  });
  await example({
    title: "POST /v1/browsers: sign this browser in with the code (no token)",
    method: "POST",
    path: "/v1/browsers",
    body: { code: browserCode.json?.code, label: "Firefox on Windows" },
  });
  const browsers = await example({ title: "GET /v1/me/browsers: my browsers", method: "GET", path: "/v1/me/browsers", auth: "member" });
  const extra = browsers.json?.browsers?.find((browser: Json) => !browser.first);
  await example({
    title: "DELETE /v1/me/browsers/{id}: sign one browser out (its token stops working)",
    method: "DELETE",
    path: `/v1/me/browsers/${extra?.id}`,
    auth: "member",
  });
  await example({
    title: 'POST /v1/me/read: mark "For me" entries read (my own marks only; my other browsers are told live)',
    method: "POST",
    path: "/v1/me/read",
    auth: "member",
    body: { keys: ["annotation:4f1c2e9a7b3d4e5f:note", "risk:9a8b7c6d5e4f3a2b:occurred"] },
  });
  await example({ title: 'GET /v1/me/read: the "For me" entries I have read', method: "GET", path: "/v1/me/read", auth: "member" });
  await example({
    title: 'GET /v1/me/read?since=: the "For me" entries I read since a cursor ("" for all), and the cursor to ask with next',
    method: "GET",
    path: "/v1/me/read?since=",
    auth: "member",
  });
  await example({
    title: "A read mark that is not an entry key: 400",
    method: "POST",
    path: "/v1/me/read",
    auth: "member",
    body: { keys: ["not a key"] },
  });
  await example({
    title: "A display name taken in the workspace (whatever its case and spacing): 409",
    method: "PATCH",
    path: "/v1/me",
    auth: "member",
    body: { name: "pat  LEE" },
  });
  const rotated = await example({
    title: "POST /v1/me/token: a new token for me (the old one stops working)",
    method: "POST",
    path: "/v1/me/token",
    auth: "member",
  });
  tokens["new member"] = rotated.json.token;
  await example({ title: "Not an admin: 403", method: "POST", path: "/v1/invites", auth: "new member", body: {} });
  await example({
    title: "DELETE /v1/invites/{id}: revoke an invite (admins)",
    method: "DELETE",
    path: `/v1/invites/${invite.json.id}`,
    auth: "admin",
  });
  await example({
    title: "DELETE /v1/members/{id}: remove a member (admins)",
    method: "DELETE",
    path: `/v1/members/${joined.json.member.id}`,
    auth: "admin",
  });

  sections.push("## More errors\n");
  await example({
    title: "Invalid input: 400",
    method: "POST",
    path: "/v1/sync/push",
    auth: "admin",
    body: {
      clientId: "laptop-0001",
      mutations: [
        { id: "mutation-000009", entity: "risk", entityId: "risk-0000002", op: "upsert", fields: { title: "x", likelihood: 9, impact: 1 } },
      ],
    },
  });
  await example({ title: "No or unknown token: 401", method: "GET", path: "/v1/me" });

  const doc = [
    "# Liaison sync API reference",
    "",
    "Every example below is a real request to the Worker and its real answer (generated by `npm run docs:api`; tokens and ids shortened to placeholders).",
    'Requests carry `Authorization: Bearer <token>` except where noted. Errors are `{ "error": { "code", "message", "details"? } }` with a 4xx status for anything the caller did wrong.',
    "Limits: bodies up to 256 KB (413 beyond), 100 mutations a push, 600 requests a minute per member whatever token they use, and 300 a minute per client address for requests without a valid token (429 with `Retry-After`). Responses carry `X-D1-Bookmark`; sending it back reads your own writes under read replication.",
    "`GET /v1/live` upgrades to a WebSocket that tells connected members when there is something new to pull (see the README).",
    "",
    ...sections,
  ].join("\n");
  await writeFile(path.join(root, "docs", "api.md"), doc);
  console.log(`Wrote docs/api.md (${sections.length} sections)`);
} finally {
  await api.stop();
  await rm(persistTo, { recursive: true, force: true });
}
