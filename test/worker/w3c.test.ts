import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Mutation } from "../../shared/sync";
import type { Session } from "../../shared/workspace";
import { pageSize, w3c } from "../../worker/routes/w3c";
import { type CallResult, call, createWorkspace, expectError, joinWorkspace, newId, pull, pushOk, rows } from "./helpers";

const origin = "http://liaison.test";
const container = `${origin}/w3c/annotations/`;
const annoContext = "http://www.w3.org/ns/anno.jsonld";
const mediaType = `application/ld+json; profile="${annoContext}"`;
const jsonLd = { "Content-Type": mediaType };
const page = "https://github.com/acme/app/issues/7";

const stored = (fields: Record<string, unknown>, entityId = newId("a")): Mutation => ({
  id: newId(),
  entity: "annotation",
  entityId,
  op: "upsert",
  fields: { url: page, ...fields },
});

const w3cAnnotation = (extra: Record<string, unknown> = {}) => ({
  "@context": annoContext,
  type: "Annotation",
  body: [
    { type: "TextualBody", value: "Is this still failing on Safari?", format: "text/plain", purpose: "commenting" },
    { type: "TextualBody", value: "browser", purpose: "tagging" },
  ],
  target: {
    source: page,
    selector: [{ type: "TextQuoteSelector", exact: "fails on Safari", prefix: "Login ", suffix: "." }],
  },
  ...extra,
});

const get = (path: string, token: string, headers: Record<string, string> = {}) => call(path, { token, headers });
const post = (token: string, body: unknown, headers: Record<string, string> = jsonLd) =>
  call("/w3c/annotations/", { method: "POST", token, body, headers });
const put = (iri: string, token: string, body: unknown, headers: Record<string, string>) =>
  call(new URL(iri).pathname, { method: "PUT", token, body, headers: { ...jsonLd, ...headers } });
const del = (iri: string, token: string, headers: Record<string, string> = {}) =>
  call(new URL(iri).pathname, { method: "DELETE", token, headers });

async function created(token: string, body: unknown = w3cAnnotation()): Promise<CallResult> {
  const response = await post(token, body);
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return response;
}

async function annotationRow(workspaceId: string, id: string) {
  const [row] = await rows<{ version: number; deleted: number; data: string; private_to: string | null; created_by: string }>(
    "SELECT version, deleted, data, private_to, created_by FROM entities WHERE workspace_id = ?1 AND entity = 'annotation' AND id = ?2",
    workspaceId,
    id,
  );
  return row;
}

const idOf = (iri: string) => iri.slice(container.length);

const varies = (response: CallResult) => (response.headers.get("Vary") ?? "").split(",").map((name) => name.trim().toLowerCase());

function expectResourceHeaders(response: CallResult, version?: number) {
  expect(response.headers.get("Content-Type")).toBe(mediaType);
  expect(response.headers.get("Link")).toBe('<http://www.w3.org/ns/ldp#Resource>; rel="type"');
  expect(response.headers.get("Allow")).toBe("GET,PUT,DELETE,HEAD,OPTIONS");
  expect(varies(response)).toContain("accept");
  const etag = response.headers.get("ETag");
  if (version === undefined) expect(etag).toMatch(/^"\d+"$/);
  else expect(etag).toBe(`"${version}"`);
}

function expectContainerHeaders(response: CallResult) {
  expect(response.headers.get("Content-Type")).toBe(mediaType);
  expect(response.headers.get("Link")).toBe(
    '<http://www.w3.org/ns/ldp#BasicContainer>; rel="type", <http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"',
  );
  expect(response.headers.get("Allow")).toBe("GET,POST,HEAD,OPTIONS");
  expect(response.headers.get("Accept-Post")).toBe(mediaType);
  expect(varies(response)).toEqual(expect.arrayContaining(["accept", "prefer"]));
  expect(response.headers.get("ETag")).toMatch(/^W\/".+"$/);
  expect(response.headers.get("Content-Location")).toMatch(/^http:\/\/liaison\.test\/w3c\/annotations\/(\?iris=1)?$/);
}

describe("W3C annotations: one annotation", () => {
  it("serves a synced annotation as Web Annotation JSON-LD, every selector kind included", async () => {
    const author = await createWorkspace("Acme", { name: "Pat Lee", department: "Product" });
    const id = newId("a");
    const selectors = [
      { type: "TextQuoteSelector", exact: "fails on Safari", prefix: "Login ", suffix: "." },
      { type: "TextPositionSelector", start: 120, end: 135 },
      { type: "XPathSelector", value: "/html/body/main/p[2]", refinedBy: { type: "TextPositionSelector", start: 6, end: 21 } },
      { type: "CssSelector", value: "main > p:nth-of-type(2)" },
      {
        type: "RangeSelector",
        startSelector: { type: "XPathSelector", value: "/html/body/main/p[2]" },
        endSelector: { type: "XPathSelector", value: "/html/body/main/p[3]" },
      },
    ];
    const { results } = await pushOk(author.token, [
      stored(
        {
          selectors,
          quote: "fails on Safari",
          body: "Is this still failing?",
          tags: ["browser", "login"],
          targets: ["github:acme/app#7"],
          addressedTo: { department: "Engineering", memberId: null },
        },
        id,
      ),
    ]);

    const response = await get(`/w3c/annotations/${id}`, author.token);
    expect(response.status).toBe(200);
    expectResourceHeaders(response, results[0].version);
    expect(response.json).toEqual({
      "@context": annoContext,
      id: `${container}${id}`,
      type: "Annotation",
      motivation: "commenting",
      created: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      modified: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      creator: { id: `urn:liaison:member:${author.member.id}`, type: "Person", name: "Pat Lee" },
      body: [
        { type: "TextualBody", value: "Is this still failing?", format: "text/plain", purpose: "commenting" },
        { type: "TextualBody", value: "browser", purpose: "tagging" },
        { type: "TextualBody", value: "login", purpose: "tagging" },
      ],
      target: { source: page, selector: selectors },
      "liaison:visibility": "workspace",
      "liaison:resolved": false,
      "liaison:targets": ["github:acme/app#7"],
      "liaison:addressedTo": { department: "Engineering", memberId: null },
    });
  });

  it("answers HEAD with the headers of GET and no body", async () => {
    const author = await createWorkspace();
    const { json } = await created(author.token);
    const head = await call(new URL(json.id).pathname, { method: "HEAD", token: author.token });
    expect(head.status).toBe(200);
    expectResourceHeaders(head);
    expect(head.json).toBeNull();
  });

  it("answers OPTIONS with 200 and the methods each resource allows", async () => {
    // Through the whole app: a plain OPTIONS reaches the protocol's handlers; a CORS preflight is answered as one.
    const viaApp = await call("/w3c/annotations/", { method: "OPTIONS" });
    expect(viaApp.status).toBe(200);
    expect(viaApp.headers.get("Allow")).toBe("GET,POST,HEAD,OPTIONS");
    expect(viaApp.headers.get("Accept-Post")).toBe(mediaType);
    const preflight = await call("/w3c/annotations/", {
      method: "OPTIONS",
      headers: { Origin: "chrome-extension://abcdefghijklmnopabcdefghijklmnop", "Access-Control-Request-Method": "PUT" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("Access-Control-Allow-Methods")).toContain("PUT");

    const resource = await w3c.request(`/${newId("a")}`, { method: "OPTIONS" });
    expect(resource.status).toBe(200);
    expect(resource.headers.get("Allow")).toBe("GET,PUT,DELETE,HEAD,OPTIONS");
    expect(resource.headers.get("Link")).toBe('<http://www.w3.org/ns/ldp#Resource>; rel="type"');

    const containerOptions = await w3c.request("/", { method: "OPTIONS" });
    expect(containerOptions.status).toBe(200);
    expect(containerOptions.headers.get("Allow")).toBe("GET,POST,HEAD,OPTIONS");
    expect(containerOptions.headers.get("Accept-Post")).toBe(mediaType);
    expect(containerOptions.headers.get("Link")).toContain("http://www.w3.org/ns/ldp#BasicContainer");
  });

  it("keeps the canonical IRI a client sent, unchanged, through reads, listings and replacements", async () => {
    const author = await createWorkspace();
    const canonical = "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427";
    const { json, headers } = await created(author.token, w3cAnnotation({ canonical }));
    expect(json.canonical).toBe(canonical);
    expect(json.id).not.toBe(canonical);
    expect((await get(new URL(json.id).pathname, author.token)).json.canonical).toBe(canonical);
    expect((await get("/w3c/annotations/", author.token)).json.first.items[0].canonical).toBe(canonical);

    // A replacement that leaves canonical out keeps it; one that sends another takes it as sent.
    const replaced = await put(json.id, author.token, w3cAnnotation({ bodyValue: "Edited", body: undefined }), {
      "If-Match": headers.get("ETag") ?? "",
    });
    expect(replaced.status, JSON.stringify(replaced.json)).toBe(200);
    expect(replaced.json.canonical).toBe(canonical);
    const other = "https://example.org/annotations/Ünïcode?x=1#frag";
    const again = await put(json.id, author.token, w3cAnnotation({ canonical: other }), { "If-Match": replaced.headers.get("ETag") ?? "" });
    expect(again.json.canonical).toBe(other);

    // An annotation created without one has none; a canonical that is not an IRI is refused.
    expect((await created(author.token)).json.canonical).toBeUndefined();
    expectError(await post(author.token, w3cAnnotation({ canonical: "not an iri" })), 400, "invalid_request");
    expectError(await post(author.token, w3cAnnotation({ canonical: 7 })), 400, "invalid_request");
  });

  it("answers 304 to If-None-Match with the current ETag", async () => {
    const author = await createWorkspace();
    const { json, headers } = await created(author.token);
    const etag = headers.get("ETag") ?? "";
    const notModified = await get(new URL(json.id).pathname, author.token, { "If-None-Match": etag });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("ETag")).toBe(etag);
    expect((await get(new URL(json.id).pathname, author.token, { "If-None-Match": '"0"' })).status).toBe(200);
  });

  it("answers 404 for an unknown or malformed id, 401 without a token, 406 for a format it does not serve", async () => {
    const author = await createWorkspace();
    const { json } = await created(author.token);
    expectError(await get(`/w3c/annotations/${newId("a")}`, author.token), 404, "not_found");
    expectError(await get("/w3c/annotations/no", author.token), 404, "not_found");
    expectError(await call(new URL(json.id).pathname), 401, "unauthorized");
    expectError(await get(new URL(json.id).pathname, author.token, { Accept: "text/turtle" }), 406, "not_acceptable");
    expect((await get(new URL(json.id).pathname, author.token, { Accept: "application/json" })).status).toBe(200);
  });
});

describe("W3C annotations: POST to the container", () => {
  it("creates an annotation through the sync path: 201, Location, ETag, and teammates pull it", async () => {
    const author = await createWorkspace();
    const teammate = await joinWorkspace(author);
    const response = await created(author.token);

    const location = response.headers.get("Location") ?? "";
    expect(location).toMatch(/^http:\/\/liaison\.test\/w3c\/annotations\/[A-Za-z0-9_-]{8,64}$/);
    expect(response.json.id).toBe(location);
    const row = await annotationRow(author.workspace.id, idOf(location));
    expectResourceHeaders(response, row.version);
    expect(response.json).toMatchObject({
      "@context": annoContext,
      type: "Annotation",
      motivation: "commenting",
      creator: { id: `urn:liaison:member:${author.member.id}`, type: "Person" },
      target: { source: page, selector: [{ type: "TextQuoteSelector", exact: "fails on Safari", prefix: "Login ", suffix: "." }] },
    });

    const { changes } = await pull(teammate.token);
    expect(changes).toEqual([
      expect.objectContaining({
        entity: "annotation",
        id: idOf(location),
        version: row.version,
        data: expect.objectContaining({
          url: page,
          quote: "fails on Safari",
          body: "Is this still failing on Safari?",
          tags: ["browser"],
          visibility: "workspace",
          parent: null,
        }),
        meta: expect.objectContaining({ createdBy: author.member.id }),
      }),
    ]);
    const [mutation] = await rows<{ member_id: string }>("SELECT member_id FROM mutations WHERE workspace_id = ?1", author.workspace.id);
    expect(mutation.member_id).toBe(author.member.id);
  });

  it("gives the annotation a new IRI even when the client sent one, and takes bodyValue and a plain page target", async () => {
    const author = await createWorkspace();
    const response = await created(author.token, {
      "@context": annoContext,
      id: "http://example.org/anno1",
      type: "Annotation",
      bodyValue: "Plain comment",
      target: page,
    });
    expect(response.json.id).not.toBe("http://example.org/anno1");
    expect(response.json).toMatchObject({
      body: [{ type: "TextualBody", value: "Plain comment", purpose: "commenting" }],
      target: page,
    });
  });

  it("creates a reply that targets only the annotation it answers, on that annotation's page", async () => {
    const author = await createWorkspace();
    const teammate = await joinWorkspace(author);
    const parent = (await created(author.token)).json.id as string;
    const reply = await created(teammate.token, {
      "@context": annoContext,
      type: "Annotation",
      motivation: "replying",
      body: { type: "TextualBody", value: "Yes, on 17.4", purpose: "replying" },
      target: parent,
    });
    expect(reply.json).toMatchObject({ motivation: "replying", target: [page, parent] });
    const row = await annotationRow(author.workspace.id, idOf(reply.json.id));
    expect(JSON.parse(row.data)).toMatchObject({ url: page, parent: idOf(parent), body: "Yes, on 17.4" });
    expect(row.created_by).toBe(teammate.member.id);

    const orphan = await post(author.token, { ...w3cAnnotation(), target: `${container}${newId("a")}` });
    expectError(orphan, 400, "invalid_request");
  });

  it("creates a private annotation its author alone can read", async () => {
    const author = await createWorkspace();
    const teammate = await joinWorkspace(author);
    const response = await created(author.token, w3cAnnotation({ "liaison:visibility": "private" }));
    const row = await annotationRow(author.workspace.id, idOf(response.json.id));
    expect(row.private_to).toBe(author.member.id);
    expect((await get(new URL(response.json.id).pathname, author.token)).status).toBe(200);
    expectError(await get(new URL(response.json.id).pathname, teammate.token), 404, "not_found");
    expect((await pull(teammate.token)).changes).toEqual([]);
  });

  it.each([
    ["a body that is not JSON-LD or JSON", { rawBody: "{}", headers: { "Content-Type": "text/plain" } }, 415, "unsupported_media_type"],
    ["a body that is not JSON", { rawBody: "{not json", headers: jsonLd }, 400, "invalid_request"],
    ["a __proto__ key", { rawBody: `{"__proto__": {"x": 1}, "type": "Annotation"}`, headers: jsonLd }, 400, "invalid_request"],
  ])("refuses %s", async (_name, init, status, code) => {
    const author = await createWorkspace();
    expectError(await call("/w3c/annotations/", { method: "POST", token: author.token, ...init }), status, code);
    expect(await rows("SELECT id FROM entities WHERE workspace_id = ?1", author.workspace.id)).toEqual([]);
  });

  it.each([
    ["no @context", { "@context": undefined }],
    ["another type", { type: "Note" }],
    ["no target", { target: undefined }],
    ["a target that is not a page", { target: "urn:isbn:0451450523" }],
    ["two pages", { target: [page, "https://example.org/other"] }],
    ["a FragmentSelector", { target: { source: page, selector: { type: "FragmentSelector", value: "page=2" } } }],
    [
      "a TextPositionSelector that ends before it starts",
      { target: { source: page, selector: { type: "TextPositionSelector", start: 9, end: 2 } } },
    ],
    ["an external body", { body: "https://example.org/comment.html" }],
    ["both body and bodyValue", { bodyValue: "also" }],
    [
      "two comments",
      {
        body: [
          { type: "TextualBody", value: "one" },
          { type: "TextualBody", value: "two" },
        ],
      },
    ],
    ["an unknown visibility", { "liaison:visibility": "everyone" }],
  ])("answers 400 for an annotation with %s, writing nothing", async (_name, change) => {
    const author = await createWorkspace();
    const response = await post(author.token, w3cAnnotation(change));
    expectError(response, 400, "invalid_request");
    expect(await rows("SELECT id FROM entities WHERE workspace_id = ?1", author.workspace.id)).toEqual([]);
  });

  it("refuses methods the container does not allow with 405 and Allow, and needs a token to create", async () => {
    const author = await createWorkspace();
    const wrong = await call("/w3c/annotations/", { method: "PUT", token: author.token, body: w3cAnnotation(), headers: jsonLd });
    expectError(wrong, 405, "method_not_allowed");
    expect(wrong.headers.get("Allow")).toBe("GET,POST,HEAD,OPTIONS");
    const onResource = await call(`/w3c/annotations/${newId("a")}`, { method: "POST", token: author.token, body: w3cAnnotation() });
    expectError(onResource, 405, "method_not_allowed");
    expect(onResource.headers.get("Allow")).toBe("GET,PUT,DELETE,HEAD,OPTIONS");
    expectError(await post("", w3cAnnotation()), 401, "unauthorized");
  });

  it("limits the size of a body like the rest of the API", async () => {
    const author = await createWorkspace();
    const response = await post(author.token, w3cAnnotation({ bodyValue: "x".repeat(300 * 1024), body: undefined }));
    expectError(response, 413, "payload_too_large");
  });
});

describe("W3C annotations: PUT and DELETE", () => {
  it("replaces an annotation when If-Match names its ETag, and keeps Liaison's own fields it does not describe", async () => {
    const author = await createWorkspace();
    const teammate = await joinWorkspace(author);
    const id = newId("a");
    await pushOk(author.token, [stored({ body: "First", resolved: true, targets: ["github:acme/app#7"] }, id)]);
    const current = await get(`/w3c/annotations/${id}`, author.token);
    const etag = current.headers.get("ETag") ?? "";

    const { "liaison:resolved": _resolved, "liaison:targets": _targets, ...withoutExtras } = current.json;
    const replaced = await put(
      current.json.id,
      author.token,
      { ...withoutExtras, body: { type: "TextualBody", value: "Second" } },
      { "If-Match": etag },
    );
    expect(replaced.status, JSON.stringify(replaced.json)).toBe(200);
    expect(replaced.headers.get("ETag")).not.toBe(etag);
    expectResourceHeaders(replaced, (await annotationRow(author.workspace.id, id)).version);
    expect(replaced.json).toMatchObject({ body: [{ value: "Second", purpose: "commenting" }], "liaison:resolved": true });

    const [change] = (await pull(teammate.token)).changes;
    expect(change.data).toMatchObject({ body: "Second", resolved: true, targets: ["github:acme/app#7"], url: page });
  });

  it("answers 428 without If-Match and 412 when If-Match is stale or weak, writing nothing", async () => {
    const author = await createWorkspace();
    const { json, headers } = await created(author.token);
    const etag = headers.get("ETag") ?? "";
    const before = await annotationRow(author.workspace.id, idOf(json.id));

    expectError(await put(json.id, author.token, json, {}), 428, "precondition_required");
    expectError(await put(json.id, author.token, json, { "If-Match": '"0"' }), 412, "precondition_failed");
    expectError(await put(json.id, author.token, json, { "If-Match": `W/${etag}` }), 412, "precondition_failed");

    const edited = await put(json.id, author.token, { ...json, bodyValue: "Edited", body: undefined }, { "If-Match": etag });
    expect(edited.status).toBe(200);
    const stale = await put(json.id, author.token, { ...json, bodyValue: "Edited offline", body: undefined }, { "If-Match": etag });
    expectError(stale, 412, "precondition_failed");
    expect(stale.json.error.details).toEqual({ etag: edited.headers.get("ETag") });
    expect(JSON.parse((await annotationRow(author.workspace.id, idOf(json.id))).data).body).toBe("Edited");
    expect(before.version).toBeLessThan((await annotationRow(author.workspace.id, idOf(json.id))).version);

    const any = await put(json.id, author.token, { ...json, bodyValue: "Whatever the version", body: undefined }, { "If-Match": "*" });
    expect(any.status).toBe(200);
  });

  it("answers 400 when the body names another annotation", async () => {
    const author = await createWorkspace();
    const { json, headers } = await created(author.token);
    const response = await put(
      json.id,
      author.token,
      { ...json, id: `${container}${newId("a")}` },
      { "If-Match": headers.get("ETag") ?? "" },
    );
    expectError(response, 400, "invalid_request");
  });

  it("lets only the author replace or delete an annotation (403 from the sync rules)", async () => {
    const author = await createWorkspace();
    const teammate = await joinWorkspace(author);
    const { json, headers } = await created(author.token);
    const etag = headers.get("ETag") ?? "";
    expectError(await put(json.id, teammate.token, json, { "If-Match": etag }), 403, "forbidden");
    expectError(await put(json.id, teammate.token, json, { "If-Match": '"0"' }), 403, "forbidden");
    expectError(await del(json.id, teammate.token), 403, "forbidden");
    expect((await annotationRow(author.workspace.id, idOf(json.id))).deleted).toBe(0);
  });

  it("deletes an annotation: 204, then 404, and teammates pull the tombstone", async () => {
    const author = await createWorkspace();
    const teammate = await joinWorkspace(author);
    const { json, headers } = await created(author.token);
    expectError(await del(json.id, author.token, { "If-Match": '"0"' }), 412, "precondition_failed");

    const deleted = await del(json.id, author.token, { "If-Match": headers.get("ETag") ?? "" });
    expect(deleted.status).toBe(204);
    expectError(await get(new URL(json.id).pathname, author.token), 404, "not_found");
    expectError(await del(json.id, author.token), 404, "not_found");
    expect((await pull(teammate.token)).changes).toEqual([expect.objectContaining({ id: idOf(json.id), deleted: true })]);
  });

  it("hides another member's private annotation and another workspace's annotations: 404 for every method", async () => {
    const author = await createWorkspace();
    const teammate = await joinWorkspace(author);
    const outsider = await createWorkspace("Other", { name: "Kim Ro", department: "Legal" });
    const secret = newId("a");
    await pushOk(author.token, [stored({ body: "note to self", visibility: "private" }, secret)]);
    const path = `/w3c/annotations/${secret}`;

    for (const session of [teammate, outsider]) {
      expectError(await get(path, session.token), 404, "not_found");
      expectError(await put(`${origin}${path}`, session.token, w3cAnnotation(), { "If-Match": "*" }), 404, "not_found");
      expectError(await del(`${origin}${path}`, session.token), 404, "not_found");
    }
    const shared = (await created(author.token)).json.id as string;
    expectError(await get(new URL(shared).pathname, outsider.token), 404, "not_found");
    expect((await annotationRow(author.workspace.id, secret)).deleted).toBe(0);
  });
});

describe("W3C annotations: the container", () => {
  async function seed(session: Session, count: number) {
    const ids: string[] = [];
    for (let start = 0; start < count; start += 100) {
      const batch = Array.from({ length: Math.min(100, count - start) }, (_, i) => stored({ body: `Comment ${start + i}` }));
      ids.push(...batch.map((m) => m.entityId));
      await pushOk(session.token, batch);
    }
    return ids;
  }

  it("lists the caller's annotations as a BasicContainer AnnotationCollection with its first page embedded", async () => {
    const author = await createWorkspace("Acme");
    const ids = await seed(author, 2);
    {
      const response = await get("/w3c/annotations/", author.token);
      expect(response.status).toBe(200);
      expectContainerHeaders(response);
      expect(response.json).toEqual({
        "@context": [annoContext, "http://www.w3.org/ns/ldp.jsonld"],
        id: container,
        type: ["BasicContainer", "AnnotationCollection"],
        label: "Acme: annotations",
        total: 2,
        first: {
          id: `${container}?page=0`,
          type: "AnnotationPage",
          startIndex: 0,
          items: ids.map((id) => expect.objectContaining({ id: `${container}${id}`, type: "Annotation" })),
        },
        last: `${container}?page=0`,
      });
      expect(response.json.first.items[0]["@context"]).toBeUndefined();
    }
    const head = await call("/w3c/annotations/", { method: "HEAD", token: author.token });
    expect(head.status).toBe(200);
    expectContainerHeaders(head);
  });

  it("pages with next, prev, partOf and startIndex, and answers 404 past the last page", async () => {
    const author = await createWorkspace();
    const ids = await seed(author, pageSize + 1);
    const root = await get("/w3c/annotations/", author.token);
    expect(root.json).toMatchObject({
      total: pageSize + 1,
      first: { id: `${container}?page=0`, next: `${container}?page=1`, startIndex: 0 },
      last: `${container}?page=1`,
    });
    expect(root.json.first.items).toHaveLength(pageSize);

    const second = await get("/w3c/annotations/?page=1", author.token);
    expect(second.status).toBe(200);
    expect(second.headers.get("Content-Type")).toBe(mediaType);
    expect(second.json).toEqual({
      "@context": annoContext,
      id: `${container}?page=1`,
      type: "AnnotationPage",
      partOf: container,
      startIndex: pageSize,
      prev: `${container}?page=0`,
      items: [expect.objectContaining({ id: `${container}${ids[pageSize]}` })],
    });
    expectError(await get("/w3c/annotations/?page=2", author.token), 404, "not_found");
    expectError(await get("/w3c/annotations/?page=x", author.token), 400, "invalid_request");
  });

  it("honours Prefer: contained IRIs, or a minimal container", async () => {
    const author = await createWorkspace();
    const ids = await seed(author, 2);
    const iris = await get("/w3c/annotations/", author.token, {
      Prefer: 'return=representation;include="http://www.w3.org/ns/oa#PreferContainedIRIs"',
    });
    expect(iris.headers.get("Preference-Applied")).toBe("return=representation");
    expect(iris.json.first).toEqual({
      id: `${container}?page=0&iris=1`,
      type: "AnnotationPage",
      startIndex: 0,
      items: ids.map((id) => `${container}${id}`),
    });
    expect(iris.json.last).toBe(`${container}?page=0&iris=1`);

    const ldpSpelling = await get("/w3c/annotations/", author.token, {
      Prefer: 'return=representation;include="http://www.w3.org/ns/ldp#PreferContainedIRIs"',
    });
    expect(ldpSpelling.json.first.items).toEqual(ids.map((id) => `${container}${id}`));

    const minimal = await get("/w3c/annotations/", author.token, {
      Prefer: 'return=representation;include="http://www.w3.org/ns/ldp#PreferMinimalContainer"',
    });
    expect(minimal.json).toMatchObject({ total: 2, first: `${container}?page=0`, last: `${container}?page=0` });
    expect(iris.headers.get("ETag")).not.toBe(minimal.headers.get("ETag"));

    const pageOfIris = await get("/w3c/annotations/?page=0&iris=1", author.token);
    expect(pageOfIris.json.items).toEqual(ids.map((id) => `${container}${id}`));
  });

  it("lists only the caller's workspace, and of private annotations only the caller's own", async () => {
    const author = await createWorkspace();
    const teammate = await joinWorkspace(author);
    const outsider = await createWorkspace("Other", { name: "Kim Ro", department: "Legal" });
    const shared = newId("a");
    const secret = newId("a");
    await pushOk(author.token, [stored({ body: "shared" }, shared), stored({ body: "mine", visibility: "private" }, secret)]);
    await pushOk(outsider.token, [stored({ body: "theirs" })]);

    const mine = await get("/w3c/annotations/", author.token);
    expect(mine.json.total).toBe(2);
    expect(mine.json.first.items.map((item: { id: string }) => idOf(item.id)).sort()).toEqual([shared, secret].sort());

    const theirs = await get("/w3c/annotations/", teammate.token);
    expect(theirs.json.total).toBe(1);
    expect(theirs.json.first.items.map((item: { id: string }) => idOf(item.id))).toEqual([shared]);
    expect((await get("/w3c/annotations/", outsider.token)).json.total).toBe(1);
  });

  it("serves a row written before later fields existed, with their defaults", async () => {
    const author = await createWorkspace();
    const id = newId("a");
    const at = new Date().toISOString();
    await env.DB.prepare(
      `INSERT INTO entities (workspace_id, entity, id, version, deleted, data, created_by, created_at, updated_by, updated_at)
       VALUES (?1, 'annotation', ?2, 1, 0, ?3, ?4, ?5, ?4, ?5)`,
    )
      .bind(author.workspace.id, id, JSON.stringify({ url: page, body: "written long ago" }), author.member.id, at)
      .run();
    const response = await get("/w3c/annotations/", author.token);
    expect(response.status).toBe(200);
    expect(response.json.first.items).toEqual([
      expect.objectContaining({ id: `${container}${id}`, body: [expect.objectContaining({ value: "written long ago" })], target: page }),
    ]);
  });

  it("needs a token", async () => {
    expectError(await call("/w3c/annotations/"), 401, "unauthorized");
    expectError(await call("/w3c/annotations/?page=0"), 401, "unauthorized");
    expectError(await get("/w3c/annotations/", "lsn_not-a-valid-token"), 401, "unauthorized");
  });
});
