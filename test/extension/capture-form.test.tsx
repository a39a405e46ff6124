import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type CaptureDraft, CaptureForm } from "../../extension/page/capture/CaptureForm";
import type { Member } from "../../shared/workspace";

const members: Member[] = [
  { id: "member-pat-0001", name: "Pat Lee", department: "Product", role: "admin", joinedAt: "2026-11-01T00:00:00Z" },
  { id: "member-sam-0002", name: "Sam Wu", department: "Engineering", role: "member", joinedAt: "2026-11-02T00:00:00Z" },
];

const draft: CaptureDraft = {
  quote: { type: "TextQuoteSelector", exact: "Legal must confirm the DPA", prefix: "payments. ", suffix: " before" },
  url: "https://github.com/acme/app/issues/7",
  title: "Checkout times out · Issue #7",
  targets: ["github:acme/app#7"],
};

afterEach(cleanup);

describe("the action item capture form", () => {
  it("is prefilled with the selection and saves owner, department, due date, priority and source", async () => {
    const onSave = vi.fn(async () => {});
    render(<CaptureForm draft={draft} session={null} members={members} onSave={onSave} onClose={() => {}} />);
    expect((screen.getByLabelText("What needs to happen") as HTMLTextAreaElement).value).toBe("Legal must confirm the DPA");

    fireEvent.input(screen.getByLabelText("Owner"), { target: { value: "Sam Wu" } });
    expect((screen.getByLabelText("Department") as HTMLInputElement).value).toBe("Engineering");
    fireEvent.input(screen.getByLabelText("Due date"), { target: { value: "2026-12-15" } });
    fireEvent.change(screen.getByLabelText("Priority"), { target: { value: "urgent" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));

    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave).toHaveBeenCalledWith({
      text: "Legal must confirm the DPA",
      owner: "Sam Wu",
      ownerId: "member-sam-0002",
      department: "Engineering",
      due: "2026-12-15",
      status: "open",
      priority: "urgent",
      targets: ["github:acme/app#7"],
      source: { url: draft.url, title: draft.title, selector: draft.quote },
      meeting: null,
      goal: null,
      risk: null,
    });
  });

  it("keeps a typed owner who is not a member, without a member id", async () => {
    const onSave = vi.fn(async () => {});
    render(<CaptureForm draft={draft} session={null} members={members} onSave={onSave} onClose={() => {}} />);
    fireEvent.input(screen.getByLabelText("Owner"), { target: { value: "Vendor contact" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ owner: "Vendor contact", ownerId: null, department: null }));
  });

  it("asks for text instead of saving an empty item", async () => {
    const onSave = vi.fn(async () => {});
    render(<CaptureForm draft={{ ...draft, quote: null }} session={null} members={[]} onSave={onSave} onClose={() => {}} />);
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByRole("alert")).toHaveProperty("textContent", "Say what needs to happen.");
    expect(onSave).not.toHaveBeenCalled();
  });

  it("shows why saving failed and stays open", async () => {
    render(
      <CaptureForm
        draft={draft}
        session={null}
        members={[]}
        onSave={async () => {
          throw new Error("Refused message: due: must be a real calendar day");
        }}
        onClose={() => {}}
      />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect((await screen.findByRole("alert")).textContent).toContain("must be a real calendar day");
    expect(screen.getByRole("dialog")).toBeTruthy();
  });

  it("closes on Escape and says the item stays local when not connected", () => {
    const onClose = vi.fn();
    render(<CaptureForm draft={draft} session={null} members={[]} onSave={async () => {}} onClose={onClose} />);
    expect(screen.getByText(/kept in this browser/)).toBeTruthy();
    fireEvent.keyDown(screen.getByLabelText("Owner"), { key: "Escape" });
    expect(onClose).toHaveBeenCalled();
  });

  it("renders page text as text, never as markup", () => {
    const hostile = { ...draft, quote: { ...draft.quote!, exact: '<img src=x onerror="alert(1)">' } };
    const { container } = render(<CaptureForm draft={hostile} session={null} members={[]} onSave={async () => {}} onClose={() => {}} />);
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("blockquote")?.textContent).toBe('<img src=x onerror="alert(1)">');
  });
});
