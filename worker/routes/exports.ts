// The export routes: the workspace's action items as CSV, due dates and risk reviews as iCalendar, annotations as JSON-LD.
import { type Context, Hono } from "hono";
import type { ActionItem } from "../../shared/entities";
import { workspaceLanguage } from "../db/channels";
import type { AppEnv } from "../env";
import { actionItemEvent, byDayThenUid, type Row, readRows, riskReviewEvent } from "../lib/calendar-events";
import { toCsv } from "../lib/csv";
import { toIcs } from "../lib/ics";
import { annoMediaType, annotationCollection, toWebAnnotation } from "../lib/web-annotation";
import { requireMember } from "../middleware/auth";
import { memberNames, readVisible, type Scope, toStored } from "./w3c";

/**
 * Downloads of the caller's workspace: action items as CSV, due dates and risk reviews as an
 * iCalendar file, annotations as a W3C AnnotationCollection. Each holds only what the caller
 * may read through sync: their own workspace, and of private annotations only their own.
 */

const scopeOf = (c: Context<AppEnv>): Scope => ({ workspaceId: c.get("workspace").id, memberId: c.get("member").id });
const today = () => new Date().toISOString().slice(0, 10);

function download(c: Context<AppEnv>, body: string, contentType: string, filename: string) {
  c.header("Content-Type", contentType);
  c.header("Content-Disposition", `attachment; filename="${filename}"`);
  // Workspace data: never kept by a shared cache.
  c.header("Cache-Control", "private, no-store");
  c.header("X-Content-Type-Options", "nosniff");
  return c.body(body);
}

const byDueThenCreation = (a: Row<ActionItem>, b: Row<ActionItem>) =>
  (a.data.due ?? "9999-99-99").localeCompare(b.data.due ?? "9999-99-99") ||
  a.row.created_at.localeCompare(b.row.created_at) ||
  a.row.id.localeCompare(b.row.id);

const actionItemHeader = [
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
];

export const exports = new Hono<AppEnv>()
  .use(requireMember)
  .get("/action-items.csv", async (c) => {
    const names = await memberNames(c.get("db"), c.get("workspace").id);
    const items = (await readRows(c.get("db"), scopeOf(c), "action_item")).sort(byDueThenCreation);
    const csv = toCsv(
      actionItemHeader,
      items.map(({ row, data }) => [
        row.id,
        data.text,
        data.status,
        data.priority,
        data.owner ?? (data.ownerId ? names.get(data.ownerId) : null),
        data.department,
        data.due,
        data.targets.join(" "),
        data.source?.url,
        data.source?.title,
        row.created_at,
        row.updated_at,
      ]),
    );
    return download(c, csv, "text/csv; charset=utf-8; header=present", `liaison-action-items-${today()}.csv`);
  })
  .get("/calendar.ics", async (c) => {
    const workspace = c.get("workspace");
    const names = await memberNames(c.get("db"), workspace.id);
    const language = await workspaceLanguage(c.get("db"), workspace.id);
    // A calendar shows what is still ahead: done and cancelled action items, and closed risks, are
    // left out (the CSV export keeps every action item).
    const actionItems = (await readRows(c.get("db"), scopeOf(c), "action_item")).filter(({ data }) => data.due && data.status === "open");
    const risks = (await readRows(c.get("db"), scopeOf(c), "risk")).filter(({ data }) => data.reviewOn && data.status !== "closed");
    const events = [
      ...actionItems.map((item) => actionItemEvent(workspace.id, item, names, language)),
      ...risks.map((risk) => riskReviewEvent(workspace.id, risk, names, language)),
    ].sort(byDayThenUid);
    const ics = toIcs({ prodId: "-//Liaison//Liaison sync API//EN", name: `Liaison: ${workspace.name}`, events });
    return download(c, ics, "text/calendar; charset=utf-8", `liaison-${today()}.ics`);
  })
  .get("/annotations.jsonld", async (c) => {
    const workspace = c.get("workspace");
    const origin = new URL(c.req.url).origin;
    const names = await memberNames(c.get("db"), workspace.id);
    const rows = await readVisible(c.get("db"), scopeOf(c), "annotation");
    const collection = annotationCollection({
      id: `${origin}/v1/export/annotations.jsonld`,
      label: `${workspace.name}: annotations`,
      items: rows.map((row) => toWebAnnotation(toStored(row), { origin, memberNames: names })),
    });
    return download(c, JSON.stringify(collection), annoMediaType, `liaison-annotations-${today()}.jsonld`);
  });
