// Many members pushing at once: every push is taken, every mutation applied exactly once.
import { describe, expect, it } from "vitest";
import type { Session } from "../../shared/workspace";
import { actionItemUpsert, createWorkspace, joinWorkspace, newId, pull, push, pushOk, rows, snapshot, workspaceSeq } from "./helpers";

const members = 30;
const pushesEach = 2;
const mutationsEach = 3;

describe("concurrent pushes", () => {
  it(`take ${members} members pushing at once without a 5xx, applying each mutation once`, { timeout: 60_000 }, async () => {
    const admin = await createWorkspace();
    const team: Session[] = [admin];
    for (let i = 1; i < members; i++) team.push(await joinWorkspace(admin, { name: `Teammate ${i}`, department: "Eng" }));
    // Everyone also edits one shared item, so pushes contend for the same row as well as the counter.
    const shared = newId("e");
    const batches = team.flatMap((member, m) =>
      Array.from({ length: pushesEach }, (_, p) => ({
        member,
        mutations: [
          ...Array.from({ length: mutationsEach - 1 }, (_, k) => actionItemUpsert(newId("e"), { text: `Member ${m} push ${p} item ${k}` })),
          actionItemUpsert(shared, { text: `Last word from member ${m} push ${p}` }),
        ],
      })),
    );

    const answers = await Promise.all(batches.map(({ member, mutations }) => push(member.token, mutations)));
    expect(answers.map((answer) => answer.status).filter((status) => status !== 200)).toEqual([]);
    const results = answers.flatMap((answer) => answer.json.results);
    expect(results.every((result: { status: string }) => result.status === "applied")).toBe(true);

    const total = batches.length * mutationsEach;
    const ownItems = batches.length * (mutationsEach - 1);
    // Each applied mutation took its own version; the shared item holds the last of them.
    expect(await workspaceSeq(admin.workspace.id)).toBe(total);
    expect(await rows("SELECT COUNT(*) AS n FROM entities WHERE workspace_id = ?1", admin.workspace.id)).toEqual([{ n: ownItems + 1 }]);
    expect(await rows("SELECT COUNT(*) AS n FROM mutations WHERE workspace_id = ?1", admin.workspace.id)).toEqual([{ n: total }]);
    const page = await pull(admin.token, 0, 1000);
    expect(page.changes).toHaveLength(ownItems + 1);
    expect(new Set(page.changes.map((change) => change.version)).size).toBe(ownItems + 1);
    const cursors = answers.map((answer) => answer.json.cursor as number);
    expect(new Set(cursors).size).toBe(batches.length);

    // Sending every push again, at once, changes nothing: all duplicates.
    const before = await snapshot();
    const replays = await Promise.all(batches.map(({ member, mutations }) => pushOk(member.token, mutations)));
    expect(replays.flatMap((replay) => replay.results).every((result) => result.status === "duplicate")).toBe(true);
    expect(await snapshot()).toEqual(before);
  });
});
