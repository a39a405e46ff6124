// The iCalendar writer on its own: calendar and event lines, TEXT escaping, folding at 75 octets, DATE values, feeds' refresh hints.
import { describe, expect, it } from "vitest";
import { type AllDayEvent, foldLine, toIcs } from "../../worker/lib/ics";

const encoder = new TextEncoder();

const event: AllDayEvent = {
  uid: "action-item.a1.w1@liaison",
  date: "2026-02-28",
  summary: "Plan Q2; budget, hiring\\travel\nand 发布计划",
  description: "Owner: 吴三",
  url: "https://github.com/acme/app/issues/7",
  categories: ["Action item", "A, B"],
  createdAt: "2026-02-01T08:00:00.000Z",
  updatedAt: "2026-02-02T09:30:15.123Z",
};

describe("toIcs", () => {
  it("writes a calendar of all-day events with escaped TEXT, DATE values and UTC stamps", () => {
    const text = toIcs({ prodId: "-//Liaison//Test//EN", name: "Team; one", refreshMinutes: 30, events: [event] });
    expect(text.split("\r\n")).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Liaison//Test//EN",
      "CALSCALE:GREGORIAN",
      "X-WR-CALNAME:Team\\; one",
      "REFRESH-INTERVAL;VALUE=DURATION:PT30M",
      "X-PUBLISHED-TTL:PT30M",
      "BEGIN:VEVENT",
      "UID:action-item.a1.w1@liaison",
      "DTSTAMP:20260202T093015Z",
      "DTSTART;VALUE=DATE:20260228",
      "DTEND;VALUE=DATE:20260301",
      "SUMMARY:Plan Q2\\; budget\\, hiring\\\\travel\\nand 发布计划",
      "DESCRIPTION:Owner: 吴三",
      "URL:https://github.com/acme/app/issues/7",
      "CATEGORIES:Action item,A\\, B",
      "CREATED:20260201T080000Z",
      "LAST-MODIFIED:20260202T093015Z",
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ]);
  });

  it("leaves out a link that is not an http(s) URL, and the refresh hints of a file that is no feed", () => {
    const text = toIcs({ prodId: "x", name: "n", events: [{ ...event, url: "javascript:alert(1)" }] });
    expect(text).not.toContain("URL:");
    expect(text).not.toContain("REFRESH-INTERVAL");
  });

  it("folds a long line of three-octet characters at 75 octets, every continuation starting with a space", () => {
    const line = `SUMMARY:${"发".repeat(60)}`;
    const folded = foldLine(line).split("\r\n");
    expect(folded.length).toBeGreaterThan(2);
    for (const [i, part] of folded.entries()) {
      expect(encoder.encode(part).length).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(" ")).toBe(true);
    }
    // The first line is filled as far as whole characters go: 8 octets of name, 22 characters of 3.
    expect(encoder.encode(folded[0]).length).toBe(74);
    expect(folded.map((part, i) => (i === 0 ? part : part.slice(1))).join("")).toBe(line);
  });
});
