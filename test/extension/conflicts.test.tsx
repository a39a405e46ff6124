import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { Conflicts } from "../../extension/panel/Conflicts";
import { type Db, getKv, openStore } from "../../extension/store/db";
import { applyChanges, clearStore, listRows, mutateLocal, peekOutbox, resolveConflict, setConflict } from "../../extension/store/store";
import type { Change } from "../../shared/sync";

const note = { url: "https://docs.example.com/dpa", body: "Legal: still true?" };
const current = (version: number, body: string): Change => ({
  entity: "annotation",
  id: "note-000001",
  version,
  deleted: false,
  data: {
    ...note,
    body,
    targets: [],
    selectors: [],
    quote: "",
    tags: [],
    visibility: "workspace",
    parent: null,
    resolved: false,
    addressedTo: null,
  },
  meta: { createdBy: "member-pat-01", createdAt: "2026-11-20T00:00:00Z", updatedBy: "member-pat-01", updatedAt: "2026-11-26T00:00:00Z" },
});

let db: Db;
const actor = { memberId: "member-pat-01" };

beforeEach(async () => {
  db = await openStore();
  await clearStore(db);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** An edit made on version 1 that the server refused because version 2 came first. */
async function staleEdit() {
  await applyChanges(db, [current(1, "Legal: still true?")], 1);
  await mutateLocal(db, { entity: "annotation", entityId: "note-000001", op: "upsert", fields: { body: "Edited offline" } }, actor);
  const [entry] = await peekOutbox(db, 1);
  await setConflict(db, entry, current(2, "Edited on the laptop"));
  return entry;
}

describe("stale annotation edits", () => {
  it("are set aside with the current version, which the page shows meanwhile", async () => {
    const entry = await staleEdit();
    expect(await peekOutbox(db, 10)).toEqual([]);
    expect(await getKv(db, "conflicts")).toEqual([{ entry, current: current(2, "Edited on the laptop") }]);
    expect((await listRows(db, "annotation"))[0].data).toMatchObject({ body: "Edited on the laptop" });
  });

  it("keep mine: the edit is made again over the current version", async () => {
    const entry = await staleEdit();
    await resolveConflict(db, entry.id, "mine", actor);
    expect(await getKv(db, "conflicts")).toEqual([]);
    const [again] = await peekOutbox(db, 10);
    expect(again).toMatchObject({ entityId: "note-000001", fields: { body: "Edited offline" }, baseVersion: 2 });
    expect((await listRows(db, "annotation"))[0].data).toMatchObject({ body: "Edited offline" });
  });

  it("keep theirs: the edit is let go", async () => {
    const entry = await staleEdit();
    await resolveConflict(db, entry.id, "theirs", actor);
    expect(await getKv(db, "conflicts")).toEqual([]);
    expect(await peekOutbox(db, 10)).toEqual([]);
    await expect(resolveConflict(db, entry.id, "theirs", actor)).rejects.toThrow("settled already");
  });

  it("are shown side by side with the choice of which to keep", async () => {
    const entry = await staleEdit();
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation(async (message: unknown) => {
      sent.push(message);
      return { ok: true, value: {} };
    });
    render(<Conflicts conflicts={(await getKv(db, "conflicts")) ?? []} />);
    expect(screen.getByRole("heading", { level: 2 }).textContent).toContain("1 edit(s) crossed a teammate's");
    expect(screen.getByRole("row", { name: /Note/ }).textContent).toBe("NoteEdited offlineEdited on the laptop");
    fireEvent.click(screen.getByRole("button", { name: "Keep mine" }));
    await waitFor(() => expect(sent).toEqual([{ type: "conflict.resolve", mutationId: entry.id, keep: "mine" }]));
  });
});

describe("stale edits of other kinds", () => {
  const members = [
    { id: "member-bo-00001", name: "Bo Chen", department: "Legal", role: "member" as const, joinedAt: "2026-11-01T00:00:00Z" },
    { id: "member-cy-00001", name: "Cy Wang", department: "Legal", role: "member" as const, joinedAt: "2026-11-01T00:00:00Z" },
  ];
  const risk = (version: number, fields: Record<string, unknown>): Change => ({
    entity: "risk",
    id: "risk-0000001",
    version,
    deleted: false,
    data: { title: "Legal review slips", likelihood: 3, impact: 4, status: "open", owner: null, ownerId: null, reviewOn: null, ...fields },
    meta: current(1, "").meta,
  });

  it("show each field the server names, mine beside theirs, with people, dates and statuses as people read them", async () => {
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation(async (message: unknown) => {
      sent.push(message);
      return { ok: true, value: {} };
    });
    const entry = {
      id: "mutation-0001",
      entity: "risk",
      entityId: "risk-0000001",
      op: "upsert" as const,
      fields: { owner: "Bo Chen", ownerId: "member-bo-00001", reviewOn: "2026-12-09", status: "mitigating", likelihood: 4 },
      baseVersion: 1,
      createdAt: "2026-12-02T00:00:00Z",
    };
    const theirs = risk(2, { owner: "Cy Wang", ownerId: "member-cy-00001", reviewOn: "2026-12-16", status: "accepted", likelihood: 4 });
    render(<Conflicts conflicts={[{ entry, current: theirs, fields: ["owner", "ownerId", "reviewOn", "status"] }]} members={members} />);
    expect(screen.getByRole("heading", { level: 3 }).textContent).toBe("Risk: Legal review slips");
    const rows = screen.getAllByRole("row").slice(1);
    expect(rows.map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ["Owner", "Bo Chen", "Cy Wang"],
      ["Next review", "Dec 9, 2026", "Dec 16, 2026"],
      ["Status", "Mitigating", "Accepted"],
    ]);
    fireEvent.click(screen.getByRole("button", { name: "Keep the current one" }));
    await waitFor(() => expect(sent).toEqual([{ type: "conflict.resolve", mutationId: "mutation-0001", keep: "theirs" }]));
  });

  it("without the server's list of fields, show every field I sent that differs from theirs", () => {
    const entry = {
      id: "mutation-0002",
      entity: "action_item",
      entityId: "item-0000001",
      op: "upsert" as const,
      fields: { text: "Call Legal", targets: ["github:acme/app#7", "github:acme/app#8"], due: null },
      createdAt: "2026-12-02T00:00:00Z",
    };
    const theirs: Change = {
      ...risk(3, {}),
      entity: "action_item",
      id: "item-0000001",
      data: { text: "Call Legal", targets: [], due: "2026-12-24" },
    };
    render(<Conflicts conflicts={[{ entry, current: theirs }]} />);
    const rows = screen.getAllByRole("row").slice(1);
    expect(rows.map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ["Linked items", "github:acme/app#7, github:acme/app#8", "—"],
      ["Due date", "—", "Dec 24, 2026"],
    ]);
    expect(screen.getByRole("heading", { level: 3 }).textContent).toBe("Action item: Call Legal");
  });
});
