import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { type Annotation, annotation as annotationSchema } from "../../shared/entities";
import {
  annotationCollection,
  annotationContainer,
  annotationFields,
  annotationPage,
  fromWebAnnotation,
  type StoredAnnotation,
  toWebAnnotation,
} from "../../worker/lib/web-annotation";

// The Web Annotation Data Model's JSON schemas, from the W3C test suite (see the README beside them).
const fixtures = path.resolve(import.meta.dirname, "../fixtures/web-annotation");
const readJson = (file: string) => JSON.parse(readFileSync(path.join(fixtures, file), "utf8"));

const ajv = new AjvDraft04({ strict: false, allErrors: true });
addFormats(ajv);
for (const file of readdirSync(path.join(fixtures, "definitions"))) ajv.addSchema(readJson(`definitions/${file}`));

/** The assertions of the suite's "Annotation MUSTs" test, each a schema every annotation must satisfy. */
const annotationMusts = (readJson("annotations/annotationMusts.test").assertions as string[]).map((file) => ({
  file,
  validate: ajv.compile(readJson(file)),
}));

/** The vendored page assertions; each also accepts a collection whose `first` is an embedded page. */
const pageMusts = readdirSync(path.join(fixtures, "collections/pages")).map((file) => ({
  file,
  validate: ajv.compile(readJson(`collections/pages/${file}`)),
}));

/** A collection's MUSTs (model 5.1), from the definitions of collections.json. */
const collectionMusts = Object.entries({
  context: {
    type: "object",
    required: ["@context"],
    properties: {
      "@context": {
        oneOf: [
          { $ref: "collections.json#/definitions/contextValueFound" },
          { $ref: "collections.json#/definitions/contextValueInArrayFound" },
        ],
      },
    },
  },
  id: { $ref: "id.json#/definitions/idValueFound" },
  type: { $ref: "collections.json#/definitions/annotationCollectionTypeValueFound" },
  label: { $ref: "collections.json#/definitions/labelDefinition" },
  total: { $ref: "collections.json#/definitions/totalDefinition" },
  first: { $ref: "collections.json#/definitions/firstValidIfPresent" },
  firstWhenNotEmpty: { $ref: "collections.json#/definitions/firstRequiredIfTotalMoreThanZero" },
  last: { $ref: "collections.json#/definitions/lastValidIfPresent" },
}).map(([file, schema]) => ({ file, validate: ajv.compile(schema) }));

function failures(value: unknown, assertions: { file: string; validate: ReturnType<typeof ajv.compile> }[]) {
  return assertions
    .filter(({ validate }) => !validate(value))
    .map(({ file, validate }) => `${file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
}

const origin = "https://sync.liaison.example";
const memberNames = new Map([
  ["member-pat-0001", "Pat Lee"],
  ["member-sam-0002", "Sam Wu"],
]);
const context = { origin, memberNames };
const url = "https://github.com/acme/app/issues/7";

function stored(id: string, fields: Partial<Annotation>, meta: Partial<StoredAnnotation> = {}): StoredAnnotation {
  return {
    id,
    version: 3,
    data: annotationSchema.parse({ url, ...fields }),
    createdBy: "member-pat-0001",
    createdAt: "2026-03-02T09:15:00.000Z",
    updatedAt: "2026-03-03T10:00:00.000Z",
    ...meta,
  };
}

const quote = { type: "TextQuoteSelector", exact: "fails on Safari", prefix: "Login ", suffix: "." } as const;

/** Annotations as the extension stores them: every selector kind, tags, replies, private ones, bare highlights. */
const representative: [string, StoredAnnotation][] = [
  ["a comment on a quote", stored("anno-quote-0001", { selectors: [quote], quote: "fails on Safari", body: "Still failing?" })],
  ["a text position", stored("anno-position-01", { selectors: [{ type: "TextPositionSelector", start: 120, end: 135 }], body: "Here" })],
  [
    "an XPath refined by a text position",
    stored("anno-xpath-00001", {
      selectors: [{ type: "XPathSelector", value: "/html/body/main/p[2]", refinedBy: { type: "TextPositionSelector", start: 6, end: 21 } }],
    }),
  ],
  ["a CSS selector", stored("anno-css-0000001", { selectors: [{ type: "CssSelector", value: "main > p:nth-of-type(2)" }], tags: ["ux"] })],
  [
    "a range between XPath and CSS selectors",
    stored("anno-range-00001", {
      selectors: [
        {
          type: "RangeSelector",
          startSelector: {
            type: "XPathSelector",
            value: "/html/body/main/p[2]",
            refinedBy: { type: "TextPositionSelector", start: 0, end: 4 },
          },
          endSelector: { type: "CssSelector", value: "main > p:nth-of-type(3)" },
        },
      ],
      body: "This whole passage",
    }),
  ],
  [
    "every selector at once, tags and Liaison's own fields",
    stored("anno-all-0000001", {
      selectors: [
        quote,
        { type: "TextPositionSelector", start: 120, end: 135 },
        { type: "XPathSelector", value: "/html/body/main/p[2]" },
        { type: "CssSelector", value: "p.lead" },
        {
          type: "RangeSelector",
          startSelector: { type: "CssSelector", value: "p.lead" },
          endSelector: { type: "XPathSelector", value: "/html/body/main/p[3]" },
        },
      ],
      quote: "fails on Safari",
      body: "Markdown-ish *text*, with, commas",
      tags: ["browser", "login", "p1"],
      targets: ["github:acme/app#7"],
      resolved: true,
      addressedTo: { department: "Engineering", memberId: "member-sam-0002" },
    }),
  ],
  ["a reply", stored("anno-reply-00001", { body: "Yes, on 17.4", parent: "anno-quote-0001" }, { createdBy: "member-sam-0002" })],
  ["a private note", stored("anno-private-001", { body: "note to self", visibility: "private" })],
  ["a quote without selectors", stored("anno-bare-quote1", { quote: "fails on Safari" })],
  ["a bare page highlight by a removed member", stored("anno-page-000001", {}, { createdBy: "member-gone-0003" })],
  ["one with no recorded author", stored("anno-noauthor-01", { tags: ["imported"] }, { createdBy: null })],
];

describe("W3C JSON-LD of annotations against the Web Annotation Data Model schemas", () => {
  it.each(representative)("%s satisfies every annotation MUST", (_name, annotation) => {
    expect(failures(toWebAnnotation(annotation, context), annotationMusts)).toEqual([]);
  });

  it("checks something: annotations that break the model fail the same assertions", () => {
    const good = toWebAnnotation(representative[0][1], context);
    const broken = [
      { ...good, "@context": "http://example.org/context.jsonld" },
      { ...good, id: "not a uri" },
      { ...good, type: "Note" },
      { ...good, target: undefined },
      { ...good, target: { source: url, selector: { type: "TextPositionSelector", start: -1, end: 2 } } },
      { ...good, bodyValue: "and a body" },
      { ...good, created: "yesterday" },
    ];
    for (const annotation of broken) expect(failures(annotation, annotationMusts), JSON.stringify(annotation)).not.toEqual([]);
  });

  it("maps the comment, tags, selectors, creator and reply as the model describes them", () => {
    const [, all] = representative[5];
    expect(toWebAnnotation(all, context)).toMatchObject({
      id: `${origin}/w3c/annotations/anno-all-0000001`,
      motivation: "commenting",
      creator: { id: "urn:liaison:member:member-pat-0001", type: "Person", name: "Pat Lee" },
      body: [
        { type: "TextualBody", value: "Markdown-ish *text*, with, commas", format: "text/plain", purpose: "commenting" },
        { type: "TextualBody", value: "browser", purpose: "tagging" },
        { type: "TextualBody", value: "login", purpose: "tagging" },
        { type: "TextualBody", value: "p1", purpose: "tagging" },
      ],
      target: { source: url, selector: all.data.selectors },
    });
    expect(toWebAnnotation(representative[6][1], context)).toMatchObject({
      motivation: "replying",
      body: [{ purpose: "replying" }],
      target: [url, `${origin}/w3c/annotations/anno-quote-0001`],
    });
    expect(toWebAnnotation(representative[8][1], context).target).toEqual({
      source: url,
      selector: [{ type: "TextQuoteSelector", exact: "fails on Safari" }],
    });
    expect(toWebAnnotation(representative[9][1], context)).toMatchObject({ motivation: "highlighting", target: url });
    expect(toWebAnnotation(representative[9][1], context).creator).toEqual({ id: "urn:liaison:member:member-gone-0003", type: "Person" });
  });

  it("reads back what it serves: the stored annotation survives a round trip", () => {
    for (const [name, annotation] of representative) {
      const parsed = fromWebAnnotation(toWebAnnotation(annotation, context), origin);
      expect(parsed.ok, name).toBe(true);
      if (!parsed.ok) continue;
      const fields = annotationFields({ ...parsed.value, url: parsed.value.url ?? url }, null);
      const expected = { ...annotation.data };
      // A quote with no selector is served as a TextQuoteSelector, and read back as one.
      if (expected.selectors.length === 0 && expected.quote)
        expected.selectors = [{ type: "TextQuoteSelector", exact: expected.quote, prefix: "", suffix: "" }];
      expect(fields, name).toEqual({ ok: true, value: expected });
    }
  });
});

describe("W3C JSON-LD of containers, pages and exports against the schemas", () => {
  const items = representative.map(([, annotation]) => toWebAnnotation(annotation, context));

  it.each(["descriptions", "iris", "minimal"] as const)(
    "the container, preferring %s, satisfies the collection and page MUSTs",
    (preference) => {
      const container = annotationContainer({
        origin,
        label: "Acme: annotations",
        total: 250,
        pageSize: 100,
        preference,
        firstItems: preference === "iris" ? items.map((item) => item.id) : items,
      });
      expect(failures(container, collectionMusts)).toEqual([]);
      if (preference !== "minimal") expect(failures(container, pageMusts)).toEqual([]);
    },
  );

  it("pages satisfy the page MUSTs, and their items every annotation MUST but the @context the page carries", () => {
    for (const page of [0, 1, 2]) {
      for (const iris of [false, true]) {
        const json = annotationPage({ origin, page, pageSize: 100, total: 250, iris, items: iris ? items.map((item) => item.id) : items });
        expect(failures(json, pageMusts), `page ${page} iris ${iris}`).toEqual([]);
        if (iris) continue;
        for (const item of json.items as Record<string, unknown>[]) {
          expect(item["@context"]).toBeUndefined();
          expect(failures({ "@context": json["@context"], ...item }, annotationMusts)).toEqual([]);
        }
      }
    }
    const empty = annotationContainer({ origin, label: "Empty", total: 0, pageSize: 100, preference: "descriptions", firstItems: [] });
    expect(failures(empty, collectionMusts)).toEqual([]);
  });

  it("the annotations export is a collection that satisfies the collection and page MUSTs", () => {
    const collection = annotationCollection({ id: `${origin}/v1/export/annotations.jsonld`, label: "Acme: annotations", items });
    expect(failures(collection, collectionMusts)).toEqual([]);
    expect(failures(collection, pageMusts)).toEqual([]);
    const first = collection.first as { items: Record<string, unknown>[] };
    for (const item of first.items) expect(failures({ "@context": collection["@context"], ...item }, annotationMusts)).toEqual([]);
  });
});

describe("reading W3C annotations sent by clients", () => {
  const base = { "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation", target: url };

  it.each([
    ["a FragmentSelector", { target: { source: url, selector: { type: "FragmentSelector", value: "page=2" } } }, "not supported"],
    [
      "a RangeSelector between quotes",
      { target: { source: url, selector: { type: "RangeSelector", startSelector: quote, endSelector: quote } } },
      "not supported",
    ],
    ["two pages", { target: [url, "https://example.org/"] }, "one page"],
    ["body and bodyValue", { body: { type: "TextualBody", value: "a" }, bodyValue: "b" }, "not both"],
    ["a Choice body", { body: { type: "Choice", items: [] } }, "TextualBody"],
    ["an array @context without the model's", { "@context": ["http://example.org/ctx.jsonld"] }, "@context"],
  ])("refuses %s", (_name, change, message) => {
    const parsed = fromWebAnnotation({ ...base, ...change }, origin);
    expect(parsed).toEqual({ ok: false, message: expect.stringContaining(message) });
  });

  it("takes the model's alternatives: type and @context arrays, a source object, a single selector", () => {
    const parsed = fromWebAnnotation(
      {
        "@context": ["http://www.w3.org/ns/anno.jsonld", { extra: "http://example.org/" }],
        type: ["Annotation", "Note"],
        body: [{ value: "c" }, { type: "TextualBody", value: "t", purpose: ["tagging"] }],
        target: { source: { id: url, type: "Text" }, selector: quote },
      },
      origin,
    );
    expect(parsed).toEqual({
      ok: true,
      value: { url, parent: null, selectors: [quote], quote: "fails on Safari", body: "c", tags: ["t"], extras: {} },
    });
  });
});
