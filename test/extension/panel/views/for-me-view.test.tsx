// The "For me" tab: my entries newest first, unread in bold; opening one opens its record and marks it read; a clicked notification opens its record; @ in a note suggests members.
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { useState } from "preact/hooks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { OpenRecord } from "../../../../extension/panel/details/RecordLink";
import { emptyPanelData, type PanelData } from "../../../../extension/panel/panel-data";
import { ForMe, useForMe, usePanelRequest } from "../../../../extension/panel/views/ForMe";
import { openStore, setKv } from "../../../../extension/store/db";
import { announceChange } from "../../../../extension/store/local-rows";
import { clearStore } from "../../../../extension/store/store";
import { MentionField } from "../../../../extension/ui/MentionField";
import { actionItem, annotation } from "../../../../shared/entities";

const bo = { id: "member-bo-0001", name: "Bo Chen", department: "Engineering", role: "member" as const, joinedAt: "2026-11-01T00:00:00Z" };
const pat = { id: "member-pat-0002", name: "Pat Lee", department: "Product", role: "admin" as const, joinedAt: "2026-11-01T00:00:00Z" };
const meta = (at: string) => ({ createdBy: pat.id, createdAt: at, updatedBy: pat.id, updatedAt: at });

const data: PanelData = {
  ...emptyPanelData,
  members: [bo, pat],
  actionItems: [
    {
      id: "item0001abc",
      data: actionItem.parse({ text: "Draft the rollout plan", ownerId: bo.id }),
      meta: meta("2026-12-05T09:00:00.000Z"),
      pending: false,
    },
  ],
  annotations: [
    {
      id: "note0001abc",
      data: annotation.parse({
        url: "https://github.com/acme/app/issues/7",
        body: "Please check the limits",
        addressedTo: { department: "Engineering" },
      }),
      meta: meta("2026-12-04T09:00:00.000Z"),
      pending: false,
    },
  ],
};

beforeEach(async () => {
  await clearStore(await openStore());
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function Tab() {
  return <ForMe data={data} me={bo} forMe={useForMe(data, bo, "2026-12-06")} />;
}

describe("the For me tab", () => {
  it("lists my entries newest first, unread in bold, and opening one opens its record and marks it read", async () => {
    await setKv(await openStore(), "readMarks", ["annotation:note0001abc:note"]);
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation(async (message: unknown) => {
      sent.push(message);
      return { ok: true, value: {} };
    });
    const opened: unknown[] = [];
    render(
      <OpenRecord.Provider value={(record) => opened.push(record)}>
        <Tab />
      </OpenRecord.Provider>,
    );
    await screen.findByText("1 unread");
    const items = screen.getAllByRole("listitem");
    expect(items.map((item) => item.querySelector("button")?.textContent)).toEqual(["Draft the rollout plan", "Please check the limits"]);
    expect(items[0].querySelector("strong")?.textContent).toBe("Draft the rollout plan");
    expect(items[1].querySelector("strong")).toBeNull();
    expect(items[0].textContent).toContain("Action item assigned to you · Pat Lee");
    expect(items[1].textContent).toContain("Note to your department · Pat Lee");

    fireEvent.click(screen.getByRole("button", { name: "Draft the rollout plan" }));
    expect(opened).toEqual([{ entity: "action_item", id: "item0001abc" }]);
    await waitFor(() => expect(sent).toEqual([{ type: "forMe.read", keys: [`action_item:item0001abc:assigned:${bo.id}`] }]));
    // An entry already read is opened without another mark.
    fireEvent.click(screen.getByRole("button", { name: "Please check the limits" }));
    expect(sent.length).toBe(1);
  });

  it("opens the record of a notification clicked, once", async () => {
    const requests: unknown[] = [];
    function Probe() {
      usePanelRequest((record) => requests.push(record));
      return null;
    }
    render(<Probe />);
    await setKv(await openStore(), "panelRequest", { at: new Date().toISOString(), record: { entity: "annotation", id: "note0001abc" } });
    announceChange("state");
    await waitFor(() => expect(requests).toEqual([{ entity: "annotation", id: "note0001abc" }]));
    announceChange("state");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests.length).toBe(1);
  });
});

describe("a note field", () => {
  it("suggests members after @ and writes the one picked", async () => {
    const values: string[] = [];
    function Note() {
      const [value, setValue] = useState("");
      return (
        <MentionField
          aria-label="Note"
          value={value}
          onValue={(next) => {
            values.push(next);
            setValue(next);
          }}
          members={[bo, pat]}
        />
      );
    }
    render(<Note />);
    const field = screen.getByRole("textbox", { name: "Note" }) as HTMLTextAreaElement;
    field.value = "Ask @pa";
    field.setSelectionRange(7, 7);
    fireEvent.input(field);
    const options = await screen.findAllByRole("option");
    expect(options.map((option) => option.textContent)).toEqual(["Pat Lee Product"]);
    fireEvent.keyDown(field, { key: "Enter" });
    expect(values.at(-1)).toBe("Ask @Pat Lee ");
    await waitFor(() => expect(screen.queryByRole("listbox")).toBeNull());
  });
});
