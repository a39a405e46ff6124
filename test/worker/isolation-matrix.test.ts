import { describe, expect, it } from "vitest";
import { call, createWorkspace, joinWorkspace, newId, pushOk, snapshot } from "./helpers";

/**
 * Every route, called with workspace X's admin token and workspace Y's ids: 404 or 403, nothing
 * of Y in the answer, nothing of Y changed.
 */
describe("the isolation matrix", () => {
  it("gives X's token nothing of Y, on every route", async () => {
    const y = await createWorkspace("Yonder", { name: "Yara Secret", department: "Y-Legal" });
    const yMember = await joinWorkspace(y, { name: "Yusuf Hidden", department: "Y-Ops" });
    const invite = await call("/v1/invites", { token: y.token, body: {} });
    const yItem = newId("y");
    const yNote = newId("y");
    await pushOk(y.token, [
      { id: newId(), entity: "action_item", entityId: yItem, op: "upsert", fields: { text: "Y confidential action" } },
      {
        id: newId(),
        entity: "annotation",
        entityId: yNote,
        op: "upsert",
        fields: { url: "https://y.example.com/doc", body: "Y confidential note" },
      },
      { id: newId(), entity: "goal", entityId: newId("y"), op: "upsert", fields: { title: "Y confidential goal" } },
    ]);
    const x = await createWorkspace("Xeno");
    // X has changes of its own, so its cursor range overlaps Y's versions.
    await pushOk(
      x.token,
      Array.from({ length: 5 }, (_, i) => ({
        id: newId(),
        entity: "action_item",
        entityId: newId("x"),
        op: "upsert",
        fields: { text: `X item ${i}` },
      })),
    );
    const before = await snapshot();

    const attempts: Array<[string, string, unknown?]> = [
      ["GET", "/v1/me"],
      ["GET", "/v1/workspace"],
      ["GET", "/v1/members"],
      ["PATCH", `/v1/members/${yMember.member.id}`, { role: "admin" }],
      ["DELETE", `/v1/members/${yMember.member.id}`],
      ["DELETE", `/v1/members/${y.member.id}`],
      ["GET", "/v1/invites"],
      ["DELETE", `/v1/invites/${invite.json.id}`],
      ["GET", "/v1/sync/pull?since=0&limit=1000"],
      [
        "POST",
        "/v1/sync/push",
        { clientId: "client-0001", mutations: [{ id: newId(), entity: "action_item", entityId: yItem, op: "delete" }] },
      ],
      ["GET", "/v1/export/action-items.csv"],
      ["GET", "/v1/export/calendar.ics"],
      ["GET", "/v1/export/annotations.jsonld"],
      ["GET", "/w3c/annotations/"],
      ["GET", `/w3c/annotations/${yNote}`],
      ["PUT", `/w3c/annotations/${yNote}`],
      ["DELETE", `/w3c/annotations/${yNote}`],
    ];
    for (const [method, path, body] of attempts) {
      const headers: Record<string, string> = method === "PUT" || method === "DELETE" ? { "If-Match": "*" } : {};
      const response =
        method === "PUT"
          ? await call(path, {
              method,
              token: x.token,
              headers: { ...headers, "Content-Type": "application/ld+json" },
              rawBody: JSON.stringify({
                "@context": "http://www.w3.org/ns/anno.jsonld",
                type: "Annotation",
                target: "https://x.example.com",
              }),
            })
          : await call(path, { method, token: x.token, headers, body });
      const text = response.text;
      expect(response.status, `${method} ${path}`).toBeLessThan(500);
      if (path.includes(yMember.member.id) || path.includes(y.member.id) || path.includes(invite.json.id) || path.includes(yNote)) {
        expect([403, 404], `${method} ${path}: ${response.status}`).toContain(response.status);
      }
      // A push answers for the ids the caller itself sent; that says nothing about Y.
      const echoed = path === "/v1/sync/push" ? [yItem] : [];
      for (const secret of ["Yonder", "Yara", "Yusuf", "Y-Legal", "Y-Ops", "confidential", yItem, yNote, y.workspace.id].filter(
        (s) => !echoed.includes(s),
      )) {
        expect(text, `${method} ${path} reveals ${secret}`).not.toContain(secret);
      }
    }
    // X's delete of Y's item id found nothing to delete in X, and Y's rows are untouched.
    const after = await snapshot();
    const ofY = (rows: Array<Record<string, unknown>>) => rows.filter((r) => r.workspace_id === y.workspace.id || r.id === y.workspace.id);
    expect(ofY(after.entities)).toEqual(ofY(before.entities));
    expect(ofY(after.members)).toEqual(ofY(before.members));
    expect(ofY(after.workspaces)).toEqual(ofY(before.workspaces));
    expect(after.invites.filter((i) => i.workspace_id === y.workspace.id)).toEqual(
      before.invites.filter((i) => i.workspace_id === y.workspace.id),
    );
  });
});
