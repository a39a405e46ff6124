// Converts annotations to and from W3C Web Annotation JSON-LD, for the W3C annotation routes and the annotations export.
import { type Annotation, type AnnotationSelector, annotation as annotationSchema, describeIssues } from "../../shared/entities";
import { idPattern } from "../../shared/text";

/**
 * Liaison's annotations as W3C Web Annotation Data Model JSON-LD, and back. Pure functions: no
 * storage and no Worker-only API, so the unit tests validate exactly what the routes serve
 * against the Data Model's JSON schemas.
 */

const annoContext = "http://www.w3.org/ns/anno.jsonld";
const ldpContext = "http://www.w3.org/ns/ldp.jsonld";
export const annoMediaType = `application/ld+json; profile="${annoContext}"`;
const containerPath = "/w3c/annotations/";

/** Properties the Data Model has no term for are kept under this prefix (an IRI scheme, as JSON-LD reads it). */
const ext = "liaison:";

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const hasValue = (value: unknown, wanted: string) => asArray(value).includes(wanted);

/** An annotation row as the routes read it: what the workspace stores plus who made it and when. */
export interface StoredAnnotation {
  id: string;
  version: number;
  data: Annotation;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** The canonical IRI a client gave the annotation, served exactly as sent (the Protocol forbids changing it). */
  canonical?: string | null;
}

interface MappingContext {
  /** Scheme, host and port of the request: every IRI served is absolute on it. */
  origin: string;
  /** Display names of the workspace's members, by id (for `creator`). */
  memberNames: ReadonlyMap<string, string>;
}

/**
 * Stored data read leniently: each row was checked against the schema when written, but a row
 * written before a field existed gets that field's default instead of failing the whole listing.
 */
export function storedAnnotationData(raw: unknown): Annotation {
  const parsed = annotationSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const defaults = annotationSchema.parse({ url: "https://example.invalid/" });
  return { ...defaults, ...(isObject(raw) ? raw : {}) } as Annotation;
}

export const containerIri = (origin: string) => `${origin}${containerPath}`;
export const annotationIri = (origin: string, id: string) => `${origin}${containerPath}${id}`;
const memberIri = (memberId: string) => `urn:liaison:member:${memberId}`;

/** The annotation id an IRI names, when it is one of this server's annotation IRIs. */
function annotationIdFromIri(origin: string, iri: string): string | null {
  const prefix = containerIri(origin);
  if (!iri.startsWith(prefix)) return null;
  const id = iri.slice(prefix.length);
  return idPattern.test(id) ? id : null;
}

type W3cSelector = Record<string, unknown> & { type: string };

function selectorToW3c(selector: AnnotationSelector): W3cSelector {
  switch (selector.type) {
    case "TextQuoteSelector":
      return {
        type: selector.type,
        exact: selector.exact,
        ...(selector.prefix ? { prefix: selector.prefix } : {}),
        ...(selector.suffix ? { suffix: selector.suffix } : {}),
      };
    case "TextPositionSelector":
      return { type: selector.type, start: selector.start, end: selector.end };
    case "XPathSelector":
    case "CssSelector":
      return {
        type: selector.type,
        value: selector.value,
        ...(selector.refinedBy ? { refinedBy: selectorToW3c(selector.refinedBy) } : {}),
      };
    case "RangeSelector":
      return {
        type: selector.type,
        startSelector: selectorToW3c(selector.startSelector),
        endSelector: selectorToW3c(selector.endSelector),
      };
  }
}

/**
 * One stored annotation as a W3C Annotation. The comment is a TextualBody with purpose
 * commenting (replying for a reply), each tag a TextualBody with purpose tagging. The target is
 * the page as a SpecificResource with the stored selectors (just its URL when there are none); a
 * reply also targets the annotation it answers, by its IRI, as the model's replying motivation
 * expects.
 */
export function toWebAnnotation(stored: StoredAnnotation, context: MappingContext): Record<string, unknown> {
  const a = stored.data;
  const bodies: Record<string, unknown>[] = [];
  if (a.body) bodies.push({ type: "TextualBody", value: a.body, format: "text/plain", purpose: a.parent ? "replying" : "commenting" });
  for (const tag of a.tags) bodies.push({ type: "TextualBody", value: tag, purpose: "tagging" });

  const selectors = a.selectors.map(selectorToW3c);
  // A quote captured without a selector still says which words the annotation is about.
  if (selectors.length === 0 && a.quote) selectors.push({ type: "TextQuoteSelector", exact: a.quote });
  const page = selectors.length > 0 ? { source: a.url, selector: selectors } : a.url;
  const target = a.parent ? [page, annotationIri(context.origin, a.parent)] : page;

  const motivation = a.parent ? "replying" : a.body ? "commenting" : a.tags.length > 0 ? "tagging" : "highlighting";
  const creatorName = stored.createdBy ? context.memberNames.get(stored.createdBy) : undefined;

  return {
    "@context": annoContext,
    id: annotationIri(context.origin, stored.id),
    ...(stored.canonical ? { canonical: stored.canonical } : {}),
    type: "Annotation",
    motivation,
    created: stored.createdAt,
    modified: stored.updatedAt,
    ...(stored.createdBy
      ? { creator: { id: memberIri(stored.createdBy), type: "Person", ...(creatorName ? { name: creatorName } : {}) } }
      : {}),
    ...(bodies.length > 0 ? { body: bodies } : {}),
    target,
    [`${ext}visibility`]: a.visibility,
    [`${ext}resolved`]: a.resolved,
    ...(a.targets.length > 0 ? { [`${ext}targets`]: a.targets } : {}),
    ...(a.addressedTo ? { [`${ext}addressedTo`]: a.addressedTo } : {}),
  };
}

/** How a container lists its annotations (the Protocol's Prefer include values). */
type ContainerPreference = "descriptions" | "iris" | "minimal";

const preferIris = ["http://www.w3.org/ns/oa#PreferContainedIRIs", "http://www.w3.org/ns/ldp#PreferContainedIRIs"];
const preferDescriptions = "http://www.w3.org/ns/oa#PreferContainedDescriptions";
const preferMinimal = "http://www.w3.org/ns/ldp#PreferMinimalContainer";

/**
 * Reads a Prefer header such as `return=representation;include="http://www.w3.org/ns/ldp#PreferMinimalContainer"`.
 * Descriptions are the default; `applied` says whether the header asked for something this server honoured.
 */
export function containerPreference(prefer: string | undefined): { preference: ContainerPreference; applied: boolean } {
  const include = /(?:^|[;,\s])include\s*=\s*"([^"]*)"/i.exec(prefer ?? "")?.[1];
  const wanted = /return\s*=\s*representation/i.test(prefer ?? "") && include !== undefined ? include.split(/\s+/) : [];
  if (wanted.includes(preferMinimal)) return { preference: "minimal", applied: true };
  if (wanted.some((value) => preferIris.includes(value))) return { preference: "iris", applied: true };
  return { preference: "descriptions", applied: wanted.includes(preferDescriptions) };
}

const pageIri = (origin: string, page: number, iris: boolean) => `${containerIri(origin)}?page=${page}${iris ? "&iris=1" : ""}`;

export const lastPageIndex = (total: number, pageSize: number) => Math.max(0, Math.ceil(total / pageSize) - 1);

interface PageOptions {
  origin: string;
  page: number;
  pageSize: number;
  total: number;
  /** Items as annotation IRIs instead of whole annotations. */
  iris: boolean;
  items: unknown[];
}

/** An annotation as an item of a page: the page's @context covers it. */
function asItem(annotation: Record<string, unknown>): Record<string, unknown> {
  const { "@context": _context, ...item } = annotation;
  return item;
}

/** An AnnotationPage of the container; `embedded` when it is the container's `first`, without its own @context. */
export function annotationPage(options: PageOptions, embedded = false): Record<string, unknown> {
  const { origin, page, pageSize, total, iris } = options;
  const last = lastPageIndex(total, pageSize);
  return {
    ...(embedded ? {} : { "@context": annoContext }),
    id: pageIri(origin, page, iris),
    type: "AnnotationPage",
    ...(embedded ? {} : { partOf: containerIri(origin) }),
    startIndex: page * pageSize,
    ...(page < last ? { next: pageIri(origin, page + 1, iris) } : {}),
    ...(page > 0 ? { prev: pageIri(origin, page - 1, iris) } : {}),
    items: options.items.map((item) => (isObject(item) ? asItem(item) : item)),
  };
}

interface ContainerOptions {
  origin: string;
  label: string;
  total: number;
  pageSize: number;
  preference: ContainerPreference;
  /** The first page's items, as the preference asks (unused for a minimal container). */
  firstItems: unknown[];
}

/** The container: an LDP BasicContainer that is an AnnotationCollection, with its first page embedded unless asked to be minimal. */
export function annotationContainer(options: ContainerOptions): Record<string, unknown> {
  const { origin, total, pageSize, preference } = options;
  const iris = preference === "iris";
  return {
    "@context": [annoContext, ldpContext],
    id: containerIri(origin),
    type: ["BasicContainer", "AnnotationCollection"],
    label: options.label,
    total,
    first:
      preference === "minimal"
        ? pageIri(origin, 0, false)
        : annotationPage({ origin, page: 0, pageSize, total, iris, items: options.firstItems }, true),
    last: pageIri(origin, lastPageIndex(total, pageSize), iris),
  };
}

/** A whole collection in one document (the export): one embedded page holding every item. */
export function annotationCollection(options: { id: string; label: string; items: Record<string, unknown>[] }): Record<string, unknown> {
  const pageId = `${options.id}#items`;
  return {
    "@context": annoContext,
    id: options.id,
    type: "AnnotationCollection",
    label: options.label,
    total: options.items.length,
    first: { id: pageId, type: "AnnotationPage", startIndex: 0, items: options.items.map(asItem) },
    last: pageId,
  };
}

/** What an incoming W3C annotation says, in Liaison's terms. */
export interface IncomingAnnotation {
  /** The page annotated; null when the annotation only targets the annotation it replies to. */
  url: string | null;
  parent: string | null;
  selectors: AnnotationSelector[];
  quote: string;
  body: string;
  tags: string[];
  /** Liaison's own properties, only those the sender included. */
  extras: Partial<Pick<Annotation, "visibility" | "resolved" | "targets" | "addressedTo">>;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

class Refused extends Error {}

const supportedSelectors = "TextQuoteSelector, TextPositionSelector, XPathSelector, CssSelector and RangeSelector";

/** A W3C selector as a stored one: the properties Liaison keeps are picked and the shapes checked by the entity schema. */
function selectorFromW3c(
  value: unknown,
  allowed = ["TextQuoteSelector", "TextPositionSelector", "XPathSelector", "CssSelector", "RangeSelector"],
): AnnotationSelector {
  if (!isObject(value) || typeof value.type !== "string") throw new Refused("each selector must be an object with a type");
  if (!allowed.includes(value.type)) {
    throw new Refused(
      `selector type ${JSON.stringify(value.type).slice(0, 60)} is not supported here; Liaison keeps ${supportedSelectors}`,
    );
  }
  const pick = (keys: string[]) => Object.fromEntries(keys.filter((key) => value[key] !== undefined).map((key) => [key, value[key]]));
  switch (value.type) {
    case "TextQuoteSelector":
      return pick(["type", "exact", "prefix", "suffix"]) as AnnotationSelector;
    case "TextPositionSelector":
      return pick(["type", "start", "end"]) as AnnotationSelector;
    case "XPathSelector":
    case "CssSelector":
      return {
        ...pick(["type", "value"]),
        ...(value.refinedBy === undefined ? {} : { refinedBy: selectorFromW3c(value.refinedBy, ["TextPositionSelector"]) }),
      } as AnnotationSelector;
    default:
      return {
        type: "RangeSelector",
        startSelector: selectorFromW3c(value.startSelector, ["XPathSelector", "CssSelector"]),
        endSelector: selectorFromW3c(value.endSelector, ["XPathSelector", "CssSelector"]),
      } as AnnotationSelector;
  }
}

function readTargets(target: unknown, origin: string): { url: string | null; parent: string | null; selectors: AnnotationSelector[] } {
  const pages: { url: string; selectors: AnnotationSelector[] }[] = [];
  const parents: string[] = [];
  const take = (iri: string, selectors: AnnotationSelector[]) => {
    const parent = annotationIdFromIri(origin, iri);
    if (parent && selectors.length === 0) parents.push(parent);
    else if (isHttpUrl(iri)) pages.push({ url: iri, selectors });
    else throw new Refused("a target must be an http(s) page, or the IRI of the annotation replied to");
  };
  const items = asArray(target);
  if (items.length === 0) throw new Refused("an annotation needs a target");
  for (const item of items) {
    if (typeof item === "string") take(item, []);
    else if (isObject(item) && item.source !== undefined) {
      const source = typeof item.source === "string" ? item.source : isObject(item.source) ? item.source.id : undefined;
      if (typeof source !== "string") throw new Refused("a target's source must be an IRI");
      take(
        source,
        asArray(item.selector).map((selector) => selectorFromW3c(selector)),
      );
    } else if (isObject(item) && typeof item.id === "string") take(item.id, []);
    else throw new Refused("each target must be an IRI or a resource with a source");
  }
  if (pages.length > 1) throw new Refused("a Liaison annotation targets one page");
  if (parents.length > 1) throw new Refused("a reply answers one annotation");
  return { url: pages[0]?.url ?? null, parent: parents[0] ?? null, selectors: pages[0]?.selectors ?? [] };
}

function readBodies(json: Record<string, unknown>): { body: string; tags: string[] } {
  if (json.body !== undefined && json.bodyValue !== undefined) throw new Refused("an annotation has a body or a bodyValue, not both");
  if (json.bodyValue !== undefined) {
    if (typeof json.bodyValue !== "string") throw new Refused("bodyValue must be a string");
    return { body: json.bodyValue, tags: [] };
  }
  const comments: string[] = [];
  const tags: string[] = [];
  for (const body of asArray(json.body)) {
    if (!isObject(body) || typeof body.value !== "string") {
      throw new Refused("each body must be an embedded TextualBody with a value (external and choice bodies are not supported)");
    }
    if (body.type !== undefined && !hasValue(body.type, "TextualBody") && !hasValue(body.type, "Text")) {
      throw new Refused("each body must be a TextualBody");
    }
    if (hasValue(body.purpose, "tagging")) tags.push(body.value);
    else comments.push(body.value);
  }
  if (comments.length > 1) throw new Refused("an annotation has at most one comment body (any number of tagging bodies)");
  return { body: comments[0] ?? "", tags };
}

/**
 * The `canonical` IRI of an incoming annotation: undefined when it has none, the IRI exactly as
 * sent (kept unchanged, as the Protocol requires), or a refusal when it is not an IRI.
 */
export function canonicalOf(json: unknown): Parsed<string | undefined> {
  const canonical = isObject(json) ? json.canonical : undefined;
  if (canonical === undefined) return { ok: true, value: undefined };
  if (typeof canonical !== "string" || canonical.length > 2048 || !/^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/.test(canonical)) {
    return { ok: false, message: "canonical must be one IRI, of at most 2048 characters" };
  }
  return { ok: true, value: canonical };
}

/** Reads a W3C annotation sent to the container (POST) or to an annotation (PUT). Unknown properties are ignored. */
export function fromWebAnnotation(json: unknown, origin: string): Parsed<IncomingAnnotation> {
  try {
    if (!isObject(json)) throw new Refused("send one annotation as a JSON object");
    if (!hasValue(json["@context"], annoContext)) throw new Refused(`@context must be ${annoContext}`);
    if (!hasValue(json.type, "Annotation")) throw new Refused('type must be "Annotation"');
    const { url, parent, selectors } = readTargets(json.target, origin);
    const { body, tags } = readBodies(json);
    const quote = selectors.find((selector) => selector.type === "TextQuoteSelector")?.exact ?? "";
    const extras: IncomingAnnotation["extras"] = {};
    if (json[`${ext}visibility`] !== undefined) extras.visibility = json[`${ext}visibility`] as Annotation["visibility"];
    if (json[`${ext}resolved`] !== undefined) extras.resolved = json[`${ext}resolved`] as boolean;
    if (json[`${ext}targets`] !== undefined) extras.targets = json[`${ext}targets`] as string[];
    if (json[`${ext}addressedTo`] !== undefined) extras.addressedTo = json[`${ext}addressedTo`] as Annotation["addressedTo"];
    return { ok: true, value: { url, parent, selectors, quote, body, tags, extras } };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, message: error.message };
    throw error;
  }
}

/**
 * The whole stored annotation an incoming one makes. On a replacement (PUT) the W3C-described
 * fields are replaced and Liaison's own ones kept unless the annotation carries them. Checked
 * against the entity schema, so a refusal names the field.
 */
export function annotationFields(incoming: IncomingAnnotation & { url: string }, current: Annotation | null): Parsed<Annotation> {
  const fields = {
    ...(current ?? {}),
    url: incoming.url,
    selectors: incoming.selectors,
    quote: incoming.quote,
    body: incoming.body,
    tags: incoming.tags,
    parent: incoming.parent,
    ...incoming.extras,
  };
  const parsed = annotationSchema.safeParse(fields);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: describeIssues(parsed.error) };
}
