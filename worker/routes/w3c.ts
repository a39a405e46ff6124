// The W3C Web Annotation Protocol over the workspace's annotations: a paged container and each annotation at its own IRI.
import { type Context, Hono } from "hono";
import type { Mutation } from "../../shared/sync";
import { idPattern } from "../../shared/text";
import type { Db } from "../db/db";
import type { EntityRow } from "../db/entities";
import type { AppEnv } from "../env";
import { ApiError, notFound } from "../lib/errors";
import { newId } from "../lib/tokens";
import {
  annoMediaType,
  annotationContainer,
  annotationFields,
  annotationIri,
  annotationPage,
  canonicalOf,
  containerIri,
  containerPreference,
  fromWebAnnotation,
  type IncomingAnnotation,
  lastPageIndex,
  type StoredAnnotation,
  storedAnnotationData,
  toWebAnnotation,
} from "../lib/web-annotation";
import { requireMember } from "../middleware/auth";
import { hasProtoKey } from "../middleware/validate";
import { pushAsMember } from "../sync/push";

/**
 * The W3C Web Annotation Protocol over the workspace's annotations: a container at
 * /w3c/annotations/ (paged listing, POST to create) and each annotation at its own IRI (GET, PUT,
 * DELETE, with ETags), authenticated by the same bearer tokens as the sync API. Every write is a
 * mutation through applyPush, so sync clients see it like any other change.
 */

export const pageSize = 100;

const containerAllow = "GET,POST,HEAD,OPTIONS";
const annotationAllow = "GET,PUT,DELETE,HEAD,OPTIONS";
const containerLink =
  '<http://www.w3.org/ns/ldp#BasicContainer>; rel="type", <http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"';
const resourceLink = '<http://www.w3.org/ns/ldp#Resource>; rel="type"';

const columns = "entity, id, version, deleted, data, created_by, created_at, updated_by, updated_at, private_to";

export interface Scope {
  workspaceId: string;
  memberId: string;
}

/**
 * The live rows of an entity the member may read (a private annotation only by its author),
 * oldest first; a page of them when `page` is given.
 */
export async function readVisible(db: Db, scope: Scope, entity: string, page?: { limit: number; offset: number }) {
  const { results } = await db
    .prepare(
      `SELECT ${columns} FROM entities
       WHERE workspace_id = ?1 AND entity = ?2 AND deleted = 0 AND (private_to IS NULL OR private_to = ?3)
       ORDER BY created_at, id LIMIT ?4 OFFSET ?5`,
    )
    .bind(scope.workspaceId, entity, scope.memberId, page?.limit ?? -1, page?.offset ?? 0)
    .all<EntityRow>();
  return results;
}

async function countVisible(db: Db, scope: Scope, entity: string): Promise<number> {
  const row = await db
    .prepare(
      `SELECT COUNT(*) AS n FROM entities
       WHERE workspace_id = ?1 AND entity = ?2 AND deleted = 0 AND (private_to IS NULL OR private_to = ?3)`,
    )
    .bind(scope.workspaceId, entity, scope.memberId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** One live row the member may read, or null (unknown, deleted, another workspace's or another member's private one). */
async function findVisible(db: Db, scope: Scope, entity: string, id: string): Promise<EntityRow | null> {
  if (!idPattern.test(id)) return null;
  return db
    .prepare(
      `SELECT ${columns} FROM entities
       WHERE workspace_id = ?1 AND entity = ?2 AND id = ?3 AND deleted = 0 AND (private_to IS NULL OR private_to = ?4)`,
    )
    .bind(scope.workspaceId, entity, id, scope.memberId)
    .first<EntityRow>();
}

/** Names of the workspace's members, removed ones included: they still authored what they wrote. */
export async function memberNames(db: Db, workspaceId: string): Promise<Map<string, string>> {
  const { results } = await db
    .prepare("SELECT id, name FROM members WHERE workspace_id = ?1")
    .bind(workspaceId)
    .all<{ id: string; name: string }>();
  return new Map(results.map((row) => [row.id, row.name]));
}

export const toStored = (row: EntityRow, canonical?: string | null): StoredAnnotation => ({
  id: row.id,
  version: row.version,
  data: storedAnnotationData(JSON.parse(row.data)),
  createdBy: row.created_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  canonical,
});

/**
 * The canonical IRIs clients gave these annotations, by annotation id. They live beside the
 * synced rows, not in them: they belong to the protocol, and the sync schema has no place for them.
 */
async function canonicalIris(db: Db, workspaceId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { results } = await db
    .prepare(
      `SELECT annotation_id, canonical FROM annotation_canonical
       WHERE workspace_id = ?1 AND annotation_id IN (SELECT value FROM json_each(?2))`,
    )
    .bind(workspaceId, JSON.stringify(ids))
    .all<{ annotation_id: string; canonical: string }>();
  return new Map(results.map((row) => [row.annotation_id, row.canonical]));
}

/** Keeps the canonical IRI sent with an annotation; one sent without any keeps the one it had. */
async function keepCanonical(db: Db, workspaceId: string, id: string, canonical: string | undefined) {
  if (canonical === undefined) return;
  await db
    .prepare(
      `INSERT INTO annotation_canonical (workspace_id, annotation_id, canonical) VALUES (?1, ?2, ?3)
       ON CONFLICT (workspace_id, annotation_id) DO UPDATE SET canonical = excluded.canonical`,
    )
    .bind(workspaceId, id, canonical)
    .run();
}

/** The canonical IRI sent in a body, or a 400 when it is not an IRI. */
function readCanonical(json: unknown): string | undefined {
  const canonical = canonicalOf(json);
  if (!canonical.ok) throw invalid(canonical.message);
  return canonical.value;
}

const origin = (c: Context<AppEnv>) => new URL(c.req.url).origin;
const scopeOf = (c: Context<AppEnv>): Scope => ({ workspaceId: c.get("workspace").id, memberId: c.get("member").id });
const etag = (version: number) => `"${version}"`;

/** The entity-tags of an If-Match or If-None-Match header; "*" stands for any. */
function entityTags(header: string): { any: boolean; tags: { weak: boolean; value: string }[] } {
  if (header.trim() === "*") return { any: true, tags: [] };
  const tags = [...header.matchAll(/(W\/)?"([^"]*)"/g)].map((match) => ({ weak: match[1] !== undefined, value: match[2] }));
  return { any: false, tags };
}

/** If-Match compares strongly (RFC 9110 13.1.1): a weak tag never matches. */
function ifMatchAllows(header: string, version: number) {
  const { any, tags } = entityTags(header);
  return any || tags.some((tag) => !tag.weak && tag.value === String(version));
}

/** If-None-Match compares weakly (RFC 9110 13.1.2). */
function ifNoneMatchHits(header: string, version: number) {
  const { any, tags } = entityTags(header);
  return any || tags.some((tag) => tag.value === String(version));
}

const acceptable = ["application/ld+json", "application/json", "application/*", "*/*"];

/** Only JSON-LD is served: a request that accepts none of it is answered 406. */
function requireAcceptable(c: Context<AppEnv>) {
  const accept = c.req.header("Accept");
  if (!accept) return;
  const ok = accept.split(",").some((range) => {
    const [type, ...params] = range.split(";").map((part) => part.trim().toLowerCase());
    const q = params.find((param) => param.startsWith("q="));
    return acceptable.includes(type) && (q === undefined || Number(q.slice(2)) > 0);
  });
  if (!ok) throw new ApiError(406, "not_acceptable", `Annotations are served as ${annoMediaType}`);
}

/** The body of a POST or PUT: JSON-LD (or plain JSON), else 415; not JSON, 400. */
async function readAnnotationJson(c: Context<AppEnv>): Promise<unknown> {
  const mediaType = (c.req.header("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  if (mediaType !== "application/ld+json" && mediaType !== "application/json") {
    throw new ApiError(415, "unsupported_media_type", `Send the annotation as ${annoMediaType}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(await c.req.text());
  } catch {
    throw new ApiError(400, "invalid_request", "The body is not valid JSON");
  }
  if (hasProtoKey(json)) throw new ApiError(400, "invalid_request", "Keys named __proto__ are not allowed");
  return json;
}

const invalid = (message: string) => new ApiError(400, "invalid_request", `Invalid annotation: ${message}`);

/** The stored fields an incoming annotation makes; a reply that only targets its parent annotates the parent's page. */
async function fieldsFor(c: Context<AppEnv>, incoming: IncomingAnnotation, current: EntityRow | null) {
  let url = incoming.url;
  if (incoming.parent) {
    if (incoming.parent === current?.id) throw invalid("an annotation cannot reply to itself");
    const parent = await findVisible(c.get("db"), scopeOf(c), "annotation", incoming.parent);
    if (!parent) throw invalid("the annotation replied to does not exist");
    url ??= storedAnnotationData(JSON.parse(parent.data)).url;
  }
  if (!url) throw invalid("an annotation needs a target page");
  const fields = annotationFields({ ...incoming, url }, current ? storedAnnotationData(JSON.parse(current.data)) : null);
  if (!fields.ok) throw invalid(fields.message);
  return fields.value;
}

/** A write through the sync path. A stale edit (409 there) is a failed precondition here. */
async function write(c: Context<AppEnv>, mutation: Mutation) {
  try {
    const { results } = await pushAsMember(c, [mutation]);
    if (results[0]?.status === "gone") throw notFound("Annotation");
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      const current = (error.details as { current?: { version?: number } } | undefined)?.current?.version;
      throw new ApiError(
        412,
        "precondition_failed",
        "The annotation changed since the ETag sent in If-Match; get it again",
        current === undefined ? undefined : { etag: etag(current) },
      );
    }
    throw error;
  }
}

/**
 * The base version a conditional write is checked against: the current one when If-Match names
 * it, none for "*" or no If-Match, and 0 (which no stored row has: versions start at 1) when it
 * names another, so that applyPush refuses it after checking who may write.
 */
function baseVersionFor(ifMatch: string | undefined, current: EntityRow): number | undefined {
  if (ifMatch === undefined || ifMatch.trim() === "*") return undefined;
  return ifMatchAllows(ifMatch, current.version) ? current.version : 0;
}

/** The annotation as just written (read again for its new version). */
async function respondWithWritten(c: Context<AppEnv>, id: string, status: 200 | 201) {
  const row = await findVisible(c.get("db"), scopeOf(c), "annotation", id);
  if (!row) throw notFound("Annotation");
  return respondWithAnnotation(c, row, status);
}

async function respondWithAnnotation(c: Context<AppEnv>, row: EntityRow, status: 200 | 201) {
  const workspaceId = c.get("workspace").id;
  const canonical = (await canonicalIris(c.get("db"), workspaceId, [row.id])).get(row.id);
  const json = toWebAnnotation(toStored(row, canonical), { origin: origin(c), memberNames: await memberNames(c.get("db"), workspaceId) });
  resourceHeaders(c, row.version);
  return c.body(JSON.stringify(json), status);
}

function resourceHeaders(c: Context<AppEnv>, version: number) {
  c.header("Content-Type", annoMediaType);
  c.header("Link", resourceLink);
  c.header("Allow", annotationAllow);
  c.header("ETag", etag(version));
  c.header("Vary", "Accept");
}

function containerHeaders(c: Context<AppEnv>) {
  c.header("Link", containerLink);
  c.header("Allow", containerAllow);
  c.header("Accept-Post", annoMediaType);
}

function methodNotAllowed(c: Context<AppEnv>, allow: string): never {
  c.header("Allow", allow);
  throw new ApiError(405, "method_not_allowed", `${c.req.method} is not allowed here; allowed: ${allow}`);
}

async function getContainer(c: Context<AppEnv>) {
  requireAcceptable(c);
  const db = c.get("db");
  const scope = scopeOf(c);
  const base = origin(c);
  const workspace = c.get("workspace");
  const { seq } = c.get("counters");
  const total = await countVisible(db, scope, "annotation");
  const items = async (page: number, iris: boolean) => {
    const rows = await readVisible(db, scope, "annotation", { limit: pageSize, offset: page * pageSize });
    if (iris) return rows.map((row) => annotationIri(base, row.id));
    const names = await memberNames(db, workspace.id);
    const canonicals = await canonicalIris(
      db,
      workspace.id,
      rows.map((row) => row.id),
    );
    return rows.map((row) => toWebAnnotation(toStored(row, canonicals.get(row.id)), { origin: base, memberNames: names }));
  };
  c.header("Content-Type", annoMediaType);

  const pageParam = c.req.query("page");
  if (pageParam !== undefined) {
    if (!/^\d{1,7}$/.test(pageParam)) throw new ApiError(400, "invalid_request", "page must be a page number from 0");
    const page = Number(pageParam);
    if (page > lastPageIndex(total, pageSize)) throw notFound("Page");
    const iris = c.req.query("iris") === "1";
    c.header("Vary", "Accept");
    c.header("ETag", `W/"${seq}-${total}-${iris ? "i" : "d"}${page}"`);
    return c.body(JSON.stringify(annotationPage({ origin: base, page, pageSize, total, iris, items: await items(page, iris) })));
  }

  const asked = containerPreference(c.req.header("Prefer"));
  const preference = c.req.query("iris") === "1" && asked.preference !== "minimal" ? "iris" : asked.preference;
  containerHeaders(c);
  // The Protocol asks the container to say which representation this is: the IRI that serves it.
  c.header("Content-Location", preference === "iris" ? `${containerIri(base)}?iris=1` : containerIri(base));
  c.header("Vary", "Accept, Prefer");
  c.header("ETag", `W/"${seq}-${total}-${preference}"`);
  if (asked.applied) c.header("Preference-Applied", "return=representation");
  const firstItems = preference === "minimal" ? [] : await items(0, preference === "iris");
  const label = `${workspace.name}: annotations`;
  return c.body(JSON.stringify(annotationContainer({ origin: base, label, total, pageSize, preference, firstItems })));
}

async function createAnnotation(c: Context<AppEnv>) {
  const json = await readAnnotationJson(c);
  const parsed = fromWebAnnotation(json, origin(c));
  if (!parsed.ok) throw invalid(parsed.message);
  const canonical = readCanonical(json);
  const fields = await fieldsFor(c, parsed.value, null);
  // The server names the new annotation (the Protocol lets it replace an id the client sent).
  const id = newId();
  await write(c, { id: newId(), entity: "annotation", entityId: id, op: "upsert", fields });
  await keepCanonical(c.get("db"), c.get("workspace").id, id, canonical);
  c.header("Location", annotationIri(origin(c), id));
  return respondWithWritten(c, id, 201);
}

export const w3c = new Hono<AppEnv>()
  // OPTIONS and the methods a resource does not allow say so without a token: they reveal nothing.
  // OPTIONS answers 200 with Allow, as the Protocol's test suite expects (a CORS preflight never gets here).
  .options("/", (c) => {
    containerHeaders(c);
    return c.body(null, 200);
  })
  .options("/:id", (c) => {
    c.header("Link", resourceLink);
    c.header("Allow", annotationAllow);
    return c.body(null, 200);
  })
  .on(["PUT", "PATCH", "DELETE"], "/", (c) => methodNotAllowed(c, containerAllow))
  .on(["POST", "PATCH"], "/:id", (c) => methodNotAllowed(c, annotationAllow))
  .use(requireMember)
  .get("/", getContainer)
  .post("/", createAnnotation)
  .get("/:id", async (c) => {
    requireAcceptable(c);
    const row = await findVisible(c.get("db"), scopeOf(c), "annotation", c.req.param("id"));
    if (!row) throw notFound("Annotation");
    const ifNoneMatch = c.req.header("If-None-Match");
    if (ifNoneMatch && ifNoneMatchHits(ifNoneMatch, row.version)) {
      c.header("ETag", etag(row.version));
      c.header("Vary", "Accept");
      return c.body(null, 304);
    }
    return respondWithAnnotation(c, row, 200);
  })
  .put("/:id", async (c) => {
    const json = await readAnnotationJson(c);
    const ifMatch = c.req.header("If-Match");
    if (ifMatch === undefined) {
      throw new ApiError(428, "precondition_required", "Send If-Match with the ETag of the annotation being replaced");
    }
    const current = await findVisible(c.get("db"), scopeOf(c), "annotation", c.req.param("id"));
    if (!current) throw notFound("Annotation");
    const parsed = fromWebAnnotation(json, origin(c));
    if (!parsed.ok) throw invalid(parsed.message);
    const sentId = (json as { id?: unknown }).id;
    if (sentId !== undefined && sentId !== annotationIri(origin(c), current.id)) throw invalid("id must be this annotation's IRI");
    const canonical = readCanonical(json);
    const fields = await fieldsFor(c, parsed.value, current);
    await write(c, {
      id: newId(),
      entity: "annotation",
      entityId: current.id,
      op: "upsert",
      fields,
      baseVersion: baseVersionFor(ifMatch, current),
    });
    await keepCanonical(c.get("db"), c.get("workspace").id, current.id, canonical);
    return respondWithWritten(c, current.id, 200);
  })
  .delete("/:id", async (c) => {
    const current = await findVisible(c.get("db"), scopeOf(c), "annotation", c.req.param("id"));
    if (!current) throw notFound("Annotation");
    await write(c, {
      id: newId(),
      entity: "annotation",
      entityId: current.id,
      op: "delete",
      baseVersion: baseVersionFor(c.req.header("If-Match"), current),
    });
    await c
      .get("db")
      .prepare("DELETE FROM annotation_canonical WHERE workspace_id = ?1 AND annotation_id = ?2")
      .bind(c.get("workspace").id, current.id)
      .run();
    return c.body(null, 204);
  });
