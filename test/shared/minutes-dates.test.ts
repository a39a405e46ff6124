// Due dates written in minutes, English and Chinese, absolute and relative, resolved against the page's date.
import { describe, expect, it } from "vitest";
import { dayOfValue, titleDate, writtenDate } from "../../shared/minutes/dates";

/** Tuesday, 1 December 2026. */
const page = "2026-12-01";
const due = (text: string, on = page) => writtenDate(text, on)?.due ?? null;

describe("written due dates", () => {
  it.each([
    ["Ship it by Dec 12", "2026-12-12"],
    ["ship it by December 12th", "2026-12-12"],
    ["review 12 Dec 2026", "2026-12-12"],
    ["due 2026-12-24", "2026-12-24"],
    ["提交预算 12月12日前", "2026-12-12"],
    ["提交预算 12月12号", "2026-12-12"],
    ["2026年12月24日 前完成", "2026-12-24"],
  ])("reads %s as %s", (text, day) => expect(due(text)).toBe(day));

  it.each([
    ["下周五", "2026-12-11"],
    ["下周五前完成联调", "2026-12-11"],
    ["下星期一", "2026-12-07"],
    ["下下周三", "2026-12-16"],
    ["本周五", "2026-12-04"],
    ["周五前", "2026-12-04"],
    ["本周内", "2026-12-04"],
    ["下周", "2026-12-11"],
    ["明天", "2026-12-02"],
    ["后天", "2026-12-03"],
    ["3天内", "2026-12-04"],
    ["三天内", "2026-12-04"],
  ])("resolves the Chinese %s against the page's date as %s", (text, day) => expect(due(text)).toBe(day));

  it.each([
    ["next Friday", "2026-12-11"],
    ["by next Monday", "2026-12-07"],
    ["this Friday", "2026-12-04"],
    ["by Friday", "2026-12-04"],
    ["before Tuesday", "2026-12-01"],
    ["tomorrow", "2026-12-02"],
    ["by EOD", "2026-12-01"],
    ["end of next week", "2026-12-11"],
    ["by the end of the week", "2026-12-04"],
    ["in 2 weeks", "2026-12-15"],
    ["in 3 days", "2026-12-04"],
  ])("resolves the English %s against the page's date as %s", (text, day) => expect(due(text)).toBe(day));

  it("gives a month and day without a year the next year when the page is late in the year", () => {
    expect(due("by Jan 5", "2026-12-20")).toBe("2027-01-05");
    expect(due("1月5日前", "2026-12-20")).toBe("2027-01-05");
    expect(due("by Nov 30", "2026-12-01")).toBe("2026-11-30");
  });

  it("takes the earliest date on the line and says which words it was", () => {
    expect(writtenDate("Ana to ship by Dec 12, then review next Friday", page)).toEqual({ due: "2026-12-12", phrase: "by Dec 12" });
  });

  it("finds none in a line without a date, and none for impossible days", () => {
    expect(due("Agree the refund flow")).toBeNull();
    expect(due("Feb 30")).toBeNull();
    expect(due("Update the FAQ for release 2.1")).toBeNull();
  });
});

describe("machine dates and the page's date", () => {
  it("reads <time> values and date chips' timestamps as days", () => {
    expect(dayOfValue("2026-12-12")).toBe("2026-12-12");
    expect(dayOfValue("2026-12-12T09:00:00Z")).toBe("2026-12-12");
    expect(dayOfValue("1797033600000")).toBe("2026-12-12");
    expect(dayOfValue("soon")).toBeNull();
    expect(dayOfValue(null)).toBeNull();
  });

  it("reads the meeting's date from a title, never a relative one", () => {
    expect(titleDate("2026-12-01 Payments sync", "2026-12-05")).toBe("2026-12-01");
    expect(titleDate("2026年12月2日 周会纪要", "2026-12-05")).toBe("2026-12-02");
    expect(titleDate("Growth weekly · Dec 3, 2026", "2026-12-05")).toBe("2026-12-03");
    expect(titleDate("Weekly sync next Friday", "2026-12-05")).toBeNull();
  });
});
