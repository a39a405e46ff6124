// Calendar feeds: a member's secret address serves their own items as valid iCalendar with no token, until revoked.
import { env, exports as worker } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { siteKeys, targetKey } from "../../shared/sites/keys";
import type { Mutation } from "../../shared/sync";
import type { Session } from "../../shared/workspace";
import { call, createWorkspace, expectError, joinWorkspace, newId, pushOk, rows, sha256Hex } from "./helpers";

const upsert = (entity: string, fields: Record<string, unknown>, entityId = newId("e")): Mutation => ({
  id: newId(),
  entity: entity as Mutation["entity"],
  entityId,
  op: "upsert",
  fields,
});

const encoder = new TextEncoder();

/** Content lines of an iCalendar text: CRLF line ends, physical lines of at most 75 octets, then unfolded. */
function icsLines(text: string): string[] {
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text).not.toMatch(/(?<!\r)\n/);
  const physical = text.slice(0, -2).split("\r\n");
  for (const line of physical) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
  }
  return physical.reduce<string[]>((lines, line) => {
    if (line.startsWith(" ")) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
    return lines;
  }, []);
}

/** Each VEVENT's properties, checked for what RFC 5545 requires of every event. */
function events(lines: string[]): Record<string, string>[] {
  expect(lines[0]).toBe("BEGIN:VCALENDAR");
  expect(lines.at(-1)).toBe("END:VCALENDAR");
  expect(lines).toContain("VERSION:2.0");
  expect(lines.some((line) => line.startsWith("PRODID:"))).toBe(true);
  const found: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT" && current) {
      expect(current.UID).toBeTruthy();
      expect(current.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
      expect(current["DTSTART;VALUE=DATE"]).toMatch(/^\d{8}$/);
      expect(current["DTEND;VALUE=DATE"]).toMatch(/^\d{8}$/);
      found.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(":");
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return found;
}

let addresses = 0;

/**
 * The feed as a calendar app reads it: no Authorization header, only the address. Its bytes must
 * be UTF-8 (the decoder throws on any that are not), as RFC 5545 requires.
 */
async function read(url: string) {
  const response = await worker.default.fetch(`http://liaison.test${new URL(url).pathname}`, {
    headers: { "CF-Connecting-IP": `192.0.2.${(addresses++ % 200) + 1}` },
  });
  const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(await response.arrayBuffer());
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: response.status, headers: response.headers, text, json };
}

async function newFeed(member: Session): Promise<{ id: string; url: string }> {
  const made = await call("/v1/calendar-feeds", { method: "POST", token: member.token });
  expect(made.status, made.text).toBe(201);
  return { id: made.json.feed.id, url: made.json.url };
}

const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("calendar feeds", () => {
  it("serve B's own due dates, risk reviews, escalation deadlines and meetings, without a token, as valid iCalendar", async () => {
    const a = await createWorkspace("Acme, Inc.");
    const b = await joinWorkspace(a);
    const [item, typed, risk, escalation, meeting] = ["e", "e", "e", "e", "e"].map(newId);
    const longText = `Prepare the review; invite legal, finance\\ops\nand sales — ${"détails ".repeat(20)}`.trim();
    await pushOk(a.token, [
      upsert("action_item", { text: longText, due: "2026-12-31", ownerId: b.member.id, owner: b.member.name }, item),
      upsert("action_item", { text: "Typed owner", due: "2026-12-30", owner: "sam  WU" }, typed),
      upsert("action_item", { text: "B's done item", due: "2026-12-29", ownerId: b.member.id, status: "done" }),
      upsert("action_item", { text: "B's undated item", ownerId: b.member.id }),
      upsert("action_item", { text: "A's item", due: "2026-12-28", ownerId: a.member.id }),
      upsert("risk", { title: "Vendor lock-in", likelihood: 3, impact: 4, reviewOn: "2026-12-20", ownerId: b.member.id }, risk),
      upsert("risk", { title: "A's risk", likelihood: 3, impact: 4, reviewOn: "2026-12-21", ownerId: a.member.id }),
      upsert(
        "escalation",
        { title: "Who owns the SDK?", departments: ["Legal", "Engineering"], deciderId: b.member.id, deadline: "2026-12-18" },
        escalation,
      ),
      upsert("escalation", { title: "A decides", departments: ["Legal"], deciderId: a.member.id, deadline: "2026-12-19" }),
      upsert("escalation", {
        title: "Decided already",
        departments: ["Legal"],
        deciderId: b.member.id,
        deadline: "2026-12-17",
        status: "decided",
      }),
      upsert(
        "meeting",
        { title: "Weekly sync", date: soon(3), attendees: [a.member.name, b.member.name], agenda: "## Open action items\n- x" },
        meeting,
      ),
      upsert("meeting", { title: "A's meeting", date: soon(4), attendees: [a.member.name] }),
    ]);
    const feed = await newFeed(b);
    expect(feed.url).toMatch(/^http:\/\/liaison\.test\/v1\/calendar\/lcf_[A-Za-z0-9_-]{43}\.ics$/);

    const response = await read(feed.url);
    expect(response.status, response.text).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const lines = icsLines(response.text);
    expect(lines).toContain("X-WR-CALNAME:Liaison: Sam Wu (Acme\\, Inc.)");
    expect(lines).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT60M");
    const found = events(lines);
    expect(found.map((event) => event.UID)).toEqual([
      `meeting.${meeting}.${a.workspace.id}@liaison`,
      `escalation-deadline.${escalation}.${a.workspace.id}@liaison`,
      `risk-review.${risk}.${a.workspace.id}@liaison`,
      `action-item.${typed}.${a.workspace.id}@liaison`,
      `action-item.${item}.${a.workspace.id}@liaison`,
    ]);
    const [meetingEvent, escalationEvent, reviewEvent, , dueEvent] = found;
    expect(meetingEvent).toMatchObject({ SUMMARY: "Weekly sync", CATEGORIES: "Meeting" });
    expect(meetingEvent.DESCRIPTION).toContain("## Open action items\\n- x");
    expect(escalationEvent).toMatchObject({ SUMMARY: "Decide: Who owns the SDK?", "DTSTART;VALUE=DATE": "20261218" });
    expect(reviewEvent).toMatchObject({ SUMMARY: "Review risk: Vendor lock-in", "DTEND;VALUE=DATE": "20261221" });
    // TEXT escaping: backslash, semicolon, comma and line breaks.
    expect(dueEvent.SUMMARY).toBe(longText.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n"));
    expect(dueEvent.SUMMARY).toContain("\\\\ops\\nand");
    // The long summary was folded, and unfolds to the whole text.
    expect(response.text).toMatch(/\r\n [^\r\n]/);
    for (const text of ["A's item", "A's risk", "A decides", "A's meeting", "B's done item", "B's undated item", "Decided already"]) {
      expect(response.text).not.toContain(text);
    }

    // A's own feed holds A's items, not B's.
    const aFeed = await read((await newFeed(a)).url);
    expect(aFeed.text).toContain("A's item");
    expect(aFeed.text).not.toContain("Vendor lock-in");
    expect(aFeed.text).toContain("Weekly sync");
  });

  it("are written in the workspace's language", async () => {
    const a = await createWorkspace("Acme");
    await pushOk(a.token, [
      upsert("action_item", { text: "写文档", due: "2026-12-31", ownerId: a.member.id, priority: "high" }),
      upsert("risk", { title: "供应商延期", likelihood: 3, impact: 4, reviewOn: "2026-12-20", ownerId: a.member.id }),
      upsert("escalation", { title: "谁负责 SDK？", departments: ["Legal", "QA"], deciderId: a.member.id, deadline: "2026-12-18" }),
    ]);
    const feed = await newFeed(a);
    const english = events(icsLines((await read(feed.url)).text));
    expect(english.map((event) => event.SUMMARY)).toEqual(["Decide: 谁负责 SDK？", "Review risk: 供应商延期", "写文档"]);
    expect(english[2].DESCRIPTION).toContain("Priority: high");
    expect((await call("/v1/workspace", { method: "PATCH", token: a.token, body: { language: "zh-CN" } })).status).toBe(200);
    const chinese = events(icsLines((await read(feed.url)).text));
    expect(chinese.map((event) => event.SUMMARY)).toEqual(["待决定：谁负责 SDK？", "复核风险：供应商延期", "写文档"]);
    expect(chinese[0]).toMatchObject({ CATEGORIES: "升级事项", DESCRIPTION: "部门：Legal、QA" });
    expect(chinese[1].DESCRIPTION).toBe(`可能性 3/5，影响 4/5；状态：未处理\\n负责人：${a.member.name}`);
    expect(chinese[2].DESCRIPTION).toContain("优先级：高");
    expect(chinese[2].CATEGORIES).toBe("行动项");
    // The workspace's calendar export too.
    const exported = await call("/v1/export/calendar.ics", { token: a.token });
    expect(exported.text).toContain("SUMMARY:复核风险：供应商延期");
  });

  it("keep only a hash of the secret, are listed for their member only, and stop working when revoked", async () => {
    const a = await createWorkspace();
    const b = await joinWorkspace(a);
    const feed = await newFeed(b);
    const secret = /\/v1\/calendar\/(.+)\.ics$/.exec(feed.url)?.[1] as string;
    const stored = await rows<Record<string, string>>("SELECT * FROM calendar_feeds WHERE id = ?1", feed.id);
    expect(stored).toEqual([expect.objectContaining({ member_id: b.member.id, secret_hash: await sha256Hex(secret) })]);
    expect(JSON.stringify(stored)).not.toContain(secret);

    const listed = await call("/v1/calendar-feeds", { token: b.token });
    expect(listed.json).toEqual({ feeds: [{ id: feed.id, createdAt: expect.any(String) }] });
    expect(listed.text).not.toContain(secret);
    expect((await call("/v1/calendar-feeds", { token: a.token })).json).toEqual({ feeds: [] });

    // Another member cannot revoke it.
    expectError(await call(`/v1/calendar-feeds/${feed.id}`, { method: "DELETE", token: a.token }), 404, "not_found");
    expect((await read(feed.url)).status).toBe(200);

    expect((await call(`/v1/calendar-feeds/${feed.id}`, { method: "DELETE", token: b.token })).status).toBe(204);
    expectError(await read(feed.url), 404, "not_found");
    expect((await call("/v1/calendar-feeds", { token: b.token })).json).toEqual({ feeds: [] });
    expectError(await call(`/v1/calendar-feeds/${feed.id}`, { method: "DELETE", token: b.token }), 404, "not_found");
  });

  it("stop working for a removed member", async () => {
    const a = await createWorkspace();
    const b = await joinWorkspace(a);
    const feed = await newFeed(b);
    expect((await call(`/v1/members/${b.member.id}`, { method: "DELETE", token: a.token })).status).toBe(204);
    expectError(await read(feed.url), 404, "not_found");
  });

  it("answer 404 to a secret that is unknown or malformed, and need a token to be made, listed or revoked", async () => {
    expectError(await call(`/v1/calendar/lcf_${"A".repeat(43)}.ics`), 404, "not_found");
    expectError(await call("/v1/calendar/lcf_short.ics"), 404, "not_found");
    expectError(await call(`/v1/calendar/lcf_${"A".repeat(43)}`), 404, "not_found");
    expectError(await call("/v1/calendar-feeds", { method: "POST" }), 401, "unauthorized");
    expectError(await call("/v1/calendar-feeds"), 401, "unauthorized");
    expectError(await call("/v1/calendar-feeds/abcdefgh", { method: "DELETE" }), 401, "unauthorized");
  });

  it("are limited to five per member", async () => {
    const a = await createWorkspace();
    for (let i = 0; i < 5; i++) await newFeed(a);
    expectError(await call("/v1/calendar-feeds", { method: "POST", token: a.token }), 409, "too_many_feeds");
  });

  it("are counted per client address like the routes nobody signs in for", async () => {
    const a = await createWorkspace();
    const feed = await newFeed(a);
    const address = "198.51.100.77";
    for (let i = 0; i < 300; i++) await env.PUBLIC_LIMIT.limit({ key: address });
    const limited = await call(new URL(feed.url).pathname, { headers: { "CF-Connecting-IP": address } });
    expectError(limited, 429, "rate_limited");
  });
});

describe("odd but valid target keys", () => {
  it("leave the feed and the workspace's calendar export at 200, without a link they cannot make", async () => {
    const a = await createWorkspace();
    const feed = await newFeed(a);
    await pushOk(a.token, [
      upsert("action_item", { text: "Odd page key", due: "2026-08-01", ownerId: a.member.id, targets: ["url:http"] }),
      upsert("risk", {
        title: "Broken host",
        likelihood: 2,
        impact: 2,
        reviewOn: "2026-08-02",
        ownerId: a.member.id,
        targets: ["jira:a%zz/AB-1"],
      }),
      upsert("escalation", {
        title: "Bad path",
        departments: ["Legal"],
        deciderId: a.member.id,
        deadline: "2026-08-03",
        targets: ["url:https://[::1/"],
      }),
    ]);
    const served = await read(feed.url);
    expect(served.status, served.text).toBe(200);
    const found = events(icsLines(served.text));
    expect(found.map((event) => event.SUMMARY)).toEqual(["Odd page key", "Review risk: Broken host", "Decide: Bad path"]);
    for (const event of found) expect(event).not.toHaveProperty("URL");
    expect((await call("/v1/export/calendar.ics", { token: a.token })).status).toBe(200);
  });

  it("never make either calendar answer anything but 200 (any site's prefix, any characters)", { timeout: 60_000 }, async () => {
    const prefixes = siteKeys.map((site) => site.prefix);
    const tail = fc.oneof(
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.webUrl(),
      fc.string({ unit: fc.constantFrom(..."aZ09-_/#!:.%?=@[]é\u0000\u0085\ud800😀"), maxLength: 30 }),
    );
    const keys = fc
      .sample(fc.tuple(fc.constantFrom(...prefixes), tail), 400)
      .map(([prefix, rest]) => `${prefix}:${rest}`)
      .filter((key) => targetKey.test(key) && key.length <= 2048);
    const a = await createWorkspace();
    const feed = await newFeed(a);
    for (let at = 0; at < keys.length; at += 20) {
      const batch = keys.slice(at, at + 20);
      await pushOk(a.token, [
        upsert("action_item", { text: "Fuzzed", due: "2026-08-01", ownerId: a.member.id, targets: batch }),
        ...batch.map((key) =>
          upsert("risk", { title: "Fuzzed", likelihood: 1, impact: 1, reviewOn: "2026-08-01", ownerId: a.member.id, targets: [key] }),
        ),
      ]);
    }
    const served = await read(feed.url);
    expect(served.status, served.text.slice(0, 500)).toBe(200);
    icsLines(served.text);
    const exported = await worker.default.fetch("http://liaison.test/v1/export/calendar.ics", {
      headers: { Authorization: `Bearer ${a.token}` },
    });
    expect(exported.status).toBe(200);
    icsLines(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(await exported.arrayBuffer()));
  });
});
