import { exports as worker } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Mutation } from "../../shared/sync";
import { csvField, toCsv } from "../../worker/lib/csv";
import { escapeText, foldLine, icsNextDate } from "../../worker/lib/ics";
import { call, createWorkspace, expectError, joinWorkspace, newId, pushOk } from "./helpers";

const upsert = (entity: string, fields: Record<string, unknown>, entityId = newId("e")): Mutation => ({
  id: newId(),
  entity: entity as Mutation["entity"],
  entityId,
  op: "upsert",
  fields,
});

const encoder = new TextEncoder();

/** RFC 4180 records, quoted fields and CRLF inside them understood. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      record.push(field);
      field = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += char;
  }
  expect(field).toBe("");
  expect(record).toEqual([]);
  return records;
}

/** Content lines of an iCalendar text: checks CRLF and the 75-octet limit, then unfolds. */
function icsLines(text: string): string[] {
  expect(text.endsWith("\r\n")).toBe(true);
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

function events(lines: string[]): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT" && current) {
      found.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(":");
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return found;
}

async function text(path: string, token: string) {
  const response = await fetchText(path, token);
  expect(response.status, response.body).toBe(200);
  return response;
}

/** The raw text of a download (the JSON helper would not keep it). */
async function fetchText(path: string, token: string) {
  const response = await worker.default.fetch(`http://liaison.test${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

describe("CSV and iCalendar text", () => {
  it("quotes fields per RFC 4180 and neutralises spreadsheet formulas", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi", then leave')).toBe('"say ""hi"", then leave"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("=SUM(A1:A9)")).toBe("'=SUM(A1:A9)");
    expect(csvField("+1 555")).toBe("'+1 555");
    expect(csvField("-2")).toBe("'-2");
    expect(csvField("@cmd")).toBe("'@cmd");
    expect(csvField("\tindent")).toBe("'\tindent");
    expect(csvField("\rreturn")).toBe('"\'\rreturn"');
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField(null)).toBe("");
    expect(toCsv(["a", "b"], [["1", null]])).toBe("a,b\r\n1,\r\n");
  });

  it("escapes TEXT and folds lines at 75 octets without splitting a character", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
    expect(escapeText("bell\u0007")).toBe("bell");
    // A lone surrogate has no UTF-8 form: it is written as U+FFFD, a pair stays whole.
    expect(escapeText("a\ud800b\udc00 😀")).toBe("a\ufffdb\ufffd 😀");
    const long = `SUMMARY:${"é".repeat(60)}${"😀".repeat(10)}`;
    const folded = foldLine(long);
    for (const line of folded.split("\r\n")) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    expect(
      folded
        .split("\r\n")
        .map((line, i) => (i === 0 ? line : line.slice(1)))
        .join(""),
    ).toBe(long);
    expect(foldLine("SHORT:x")).toBe("SHORT:x");
    expect(icsNextDate("2026-12-31")).toBe("20270101");
    expect(icsNextDate("2028-02-28")).toBe("20280229");
  });
});

describe("GET /v1/export/action-items.csv", () => {
  it("exports every action item of the workspace with a header row, ordered by due date", async () => {
    const admin = await createWorkspace();
    const teammate = await joinWorkspace(admin);
    const outsider = await createWorkspace("Other", { name: "Kim Ro", department: "Legal" });
    const later = newId("e");
    const sooner = newId("e");
    const undated = newId("e");
    await pushOk(admin.token, [
      upsert("action_item", { text: 'Ship it, then "celebrate"', due: "2026-05-02", owner: "Sam Wu", priority: "high" }, later),
      upsert(
        "action_item",
        {
          text: '=HYPERLINK("http://evil.example","click")',
          due: "2026-04-01",
          status: "done",
          ownerId: teammate.member.id,
          targets: ["github:acme/app#7", "jira:ACME-12"],
          source: { url: "https://github.com/acme/app/issues/7", title: "Login fails\non Safari" },
        },
        sooner,
      ),
      upsert("action_item", { text: "@someone follow up", status: "cancelled" }, undated),
    ]);
    await pushOk(outsider.token, [upsert("action_item", { text: "Not yours" })]);

    const response = await text("/v1/export/action-items.csv", teammate.token);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8; header=present");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="liaison-action-items-\d{4}-\d\d-\d\d\.csv"$/);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(response.body.endsWith("\r\n")).toBe(true);

    const [header, ...records] = parseCsv(response.body);
    expect(header).toEqual([
      "ID",
      "Text",
      "Status",
      "Priority",
      "Owner",
      "Department",
      "Due",
      "Targets",
      "Source URL",
      "Source title",
      "Created",
      "Updated",
    ]);
    expect(records.map((record) => record[0])).toEqual([sooner, later, undated]);
    expect(records[0]).toEqual([
      sooner,
      '\'=HYPERLINK("http://evil.example","click")',
      "done",
      "medium",
      "Sam Wu",
      "",
      "2026-04-01",
      "github:acme/app#7 jira:ACME-12",
      "https://github.com/acme/app/issues/7",
      "Login fails\non Safari",
      expect.stringMatching(/^\d{4}-/),
      expect.stringMatching(/^\d{4}-/),
    ]);
    expect(records[1].slice(1, 7)).toEqual(['Ship it, then "celebrate"', "open", "high", "Sam Wu", "", "2026-05-02"]);
    expect(records[2][1]).toBe("'@someone follow up");
    expect(response.body).not.toContain("Not yours");
  });

  it("answers a workspace without action items with the header row alone", async () => {
    const admin = await createWorkspace();
    const response = await text("/v1/export/action-items.csv", admin.token);
    expect(response.body).toBe("ID,Text,Status,Priority,Owner,Department,Due,Targets,Source URL,Source title,Created,Updated\r\n");
  });
});

describe("GET /v1/export/calendar.ics", () => {
  it("makes an all-day event for each open action item's due date and each risk review, as valid iCalendar", async () => {
    const admin = await createWorkspace("Acme, Inc.");
    const outsider = await createWorkspace("Other", { name: "Kim Ro", department: "Legal" });
    const item = newId("e");
    const risk = newId("e");
    const longText = `Prepare the quarterly review; invite legal, finance\nand ops — ${"détails ".repeat(20)}`.trim();
    await pushOk(admin.token, [
      upsert(
        "action_item",
        { text: longText, due: "2026-12-31", owner: "Sam Wu", source: { url: "https://github.com/acme/app/issues/7" } },
        item,
      ),
      upsert("action_item", { text: "Already done", due: "2026-06-01", status: "done" }),
      upsert("action_item", { text: "Called off", due: "2026-06-02", status: "cancelled" }),
      upsert("action_item", { text: "Some day" }),
      upsert(
        "risk",
        { title: "Vendor lock-in", likelihood: 3, impact: 4, reviewOn: "2026-07-15", targets: ["jira:acme.atlassian.net/ACME-12"] },
        risk,
      ),
      upsert("risk", { title: "Closed risk", likelihood: 1, impact: 1, reviewOn: "2026-07-16", status: "closed" }),
      upsert("risk", { title: "No review date", likelihood: 2, impact: 2 }),
    ]);
    await pushOk(outsider.token, [upsert("action_item", { text: "Not yours", due: "2026-07-01" })]);

    const response = await text("/v1/export/calendar.ics", admin.token);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="liaison-\d{4}-\d\d-\d\d\.ics"$/);
    expect(response.body).not.toMatch(/(?<!\r)\n/);

    const lines = icsLines(response.body);
    expect(lines.slice(0, 5)).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Liaison//Liaison sync API//EN",
      "CALSCALE:GREGORIAN",
      "X-WR-CALNAME:Liaison: Acme\\, Inc.",
    ]);
    expect(lines.at(-1)).toBe("END:VCALENDAR");
    expect(lines.filter((line) => line === "BEGIN:VEVENT")).toHaveLength(2);

    const [review, due] = events(lines);
    expect(review).toMatchObject({
      UID: `risk-review.${risk}.${admin.workspace.id}@liaison`,
      "DTSTART;VALUE=DATE": "20260715",
      "DTEND;VALUE=DATE": "20260716",
      SUMMARY: "Review risk: Vendor lock-in",
      URL: "https://acme.atlassian.net/browse/ACME-12",
      DESCRIPTION: "Likelihood 3 of 5\\, impact 4 of 5\\; status open\\nItems: jira:acme.atlassian.net/ACME-12",
      CATEGORIES: "Risk review",
    });
    expect(due).toMatchObject({
      UID: `action-item.${item}.${admin.workspace.id}@liaison`,
      DTSTAMP: expect.stringMatching(/^\d{8}T\d{6}Z$/),
      "DTSTART;VALUE=DATE": "20261231",
      "DTEND;VALUE=DATE": "20270101",
      SUMMARY: escapeText(longText),
      URL: "https://github.com/acme/app/issues/7",
      DESCRIPTION: expect.stringContaining("Owner: Sam Wu\\nPriority: medium"),
      TRANSP: "TRANSPARENT",
    });
    expect(due.SUMMARY).toContain("\\;");
    expect(due.SUMMARY).toContain("\\,");
    expect(due.SUMMARY).toContain("\\n");
    expect(response.body).not.toContain("Already done");
    expect(response.body).not.toContain("Called off");
    expect(response.body).not.toContain("Closed risk");
    expect(response.body).not.toContain("Not yours");

    // The same items keep the same UIDs and stamps: a re-import updates instead of duplicating.
    const again = await text("/v1/export/calendar.ics", admin.token);
    expect(events(icsLines(again.body))).toEqual([review, due]);
  });

  it("leaves out a link that cannot be built from a valid target key, instead of failing the calendar", async () => {
    const admin = await createWorkspace();
    const odd = newId("e");
    const broken = newId("e");
    const fine = newId("e");
    await pushOk(admin.token, [
      upsert("action_item", { text: "Odd page key", due: "2026-08-01", targets: ["url:http"] }, odd),
      upsert("risk", { title: "Broken host", likelihood: 2, impact: 2, reviewOn: "2026-08-02", targets: ["jira:a%zz/AB-1"] }, broken),
      upsert("action_item", { text: "Fine", due: "2026-08-03", targets: ["url:http", "github:acme/app#7"] }, fine),
    ]);

    const lines = icsLines((await text("/v1/export/calendar.ics", admin.token)).body);
    const [first, second, third] = events(lines);
    expect(first).toMatchObject({ UID: `action-item.${odd}.${admin.workspace.id}@liaison`, SUMMARY: "Odd page key" });
    expect(second).toMatchObject({ UID: `risk-review.${broken}.${admin.workspace.id}@liaison`, SUMMARY: "Review risk: Broken host" });
    expect(third).toMatchObject({ SUMMARY: "Fine" });
    for (const event of [first, second, third]) expect(event).not.toHaveProperty("URL");

    // The other downloads take the same items.
    expect((await fetchText("/v1/export/action-items.csv", admin.token)).status).toBe(200);
    expect((await fetchText("/v1/export/annotations.jsonld", admin.token)).status).toBe(200);
  });

  it("answers an empty workspace with an empty calendar", async () => {
    const admin = await createWorkspace();
    const lines = icsLines((await text("/v1/export/calendar.ics", admin.token)).body);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines.at(-1)).toBe("END:VCALENDAR");
    expect(events(lines)).toEqual([]);
  });
});

describe("GET /v1/export/annotations.jsonld", () => {
  it("exports the caller's readable annotations as one AnnotationCollection", async () => {
    const author = await createWorkspace("Acme");
    const teammate = await joinWorkspace(author);
    const outsider = await createWorkspace("Other", { name: "Kim Ro", department: "Legal" });
    const shared = newId("a");
    const mine = newId("a");
    const theirs = newId("a");
    const url = "https://github.com/acme/app/issues/7";
    await pushOk(author.token, [
      upsert("annotation", { url, body: "shared note", tags: ["ux"] }, shared),
      upsert("annotation", { url, body: "author's private note", visibility: "private" }, theirs),
    ]);
    await pushOk(teammate.token, [upsert("annotation", { url, body: "teammate's private note", visibility: "private" }, mine)]);
    await pushOk(outsider.token, [upsert("annotation", { url, body: "another workspace" })]);

    const response = await text("/v1/export/annotations.jsonld", teammate.token);
    expect(response.headers.get("Content-Type")).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="liaison-annotations-\d{4}-\d\d-\d\d\.jsonld"$/);
    const collection = JSON.parse(response.body);
    expect(collection).toMatchObject({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: "http://liaison.test/v1/export/annotations.jsonld",
      type: "AnnotationCollection",
      label: "Acme: annotations",
      total: 2,
      first: { id: "http://liaison.test/v1/export/annotations.jsonld#items", type: "AnnotationPage", startIndex: 0 },
      last: "http://liaison.test/v1/export/annotations.jsonld#items",
    });
    expect(collection.first.items.map((item: { id: string }) => item.id).sort()).toEqual(
      [shared, mine].map((id) => `http://liaison.test/w3c/annotations/${id}`).sort(),
    );
    expect(collection.first.items.find((item: { id: string }) => item.id.endsWith(shared))).toMatchObject({
      type: "Annotation",
      creator: { id: `urn:liaison:member:${author.member.id}`, type: "Person", name: author.member.name },
      body: [
        { type: "TextualBody", value: "shared note", purpose: "commenting" },
        { type: "TextualBody", value: "ux", purpose: "tagging" },
      ],
      target: url,
    });
    expect(response.body).not.toContain("author's private note");
    expect(response.body).not.toContain("another workspace");
  });
});

describe("exports need a token", () => {
  it.each(["/v1/export/action-items.csv", "/v1/export/calendar.ics", "/v1/export/annotations.jsonld"])("%s", async (path) => {
    expectError(await call(path), 401, "unauthorized");
  });
});
