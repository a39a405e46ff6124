import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { threadsFor } from "../../../../extension/common/annotation-threads";
import { AnnotationsView } from "../../../../extension/panel/views/AnnotationsView";
import { dana, entry, issueUrl, members, pat, sam } from "../../annotations/fixtures";

afterEach(cleanup);

const quote = "confirm the new data processing agreement";
const root = entry("a-root-00001", pat, {
  quote,
  selectors: [{ type: "TextQuoteSelector", exact: quote, prefix: "Legal must ", suffix: " before we" }],
  body: "Legal: please review the **DPA** terms.",
  tags: ["legal"],
  addressedTo: { department: "Legal", memberId: null },
});
const orphan = entry("a-orphan-001", sam, {
  quote: "Support has 14 tickets",
  selectors: [{ type: "TextQuoteSelector", exact: "Support has 14 tickets", prefix: "", suffix: "" }],
  body: "Is this still true?",
});
const done = entry("a-done-00001", sam, {
  quote: "staging card numbers",
  selectors: [{ type: "TextQuoteSelector", exact: "staging card numbers", prefix: "", suffix: "" }],
  body: "Fixed",
});
const pageNote = entry("a-page-00001", dana, { body: "Whole page reviewed by Legal." }, true);
const threads = threadsFor(
  [
    root,
    orphan,
    done,
    pageNote,
    entry("a-reply-0001", dana, { parent: root.id, body: "On it." }),
    entry("a-reply-0002", pat, { parent: done.id, resolved: true }),
  ],
  null,
);

function view(overrides: Partial<Parameters<typeof AnnotationsView>[0]> = {}) {
  const onMutate = vi.fn(async () => ({ id: "x" }));
  render(
    <AnnotationsView
      annotations={threads}
      anchoring={{ [root.id]: "anchored", [orphan.id]: "orphan", [done.id]: "anchored", [pageNote.id]: "page" }}
      members={members}
      me={dana}
      pageUrl={issueUrl}
      pageKeys={["github:acme/app#7"]}
      onMutate={onMutate}
      {...overrides}
    />,
  );
  return onMutate;
}

const thread = (id: string) => document.querySelector(`li.annotation[data-annotation-id="${id}"]`) as HTMLElement;

describe("the side panel's annotations view", () => {
  it("shows each thread with quote, note, author, addressee, tags, replies and state", () => {
    view();
    expect(screen.getByRole("heading", { name: "Annotations (4)" })).toBeTruthy();
    const item = thread(root.id);
    expect(item.querySelector("blockquote")?.textContent).toBe(quote);
    expect(item.querySelector(".annotation-note strong")?.textContent).toBe("DPA");
    expect(item.querySelector(".author")?.textContent).toBe("Pat Lee");
    expect(item.querySelector(".to")?.textContent).toBe("To Legal");
    expect(item.querySelector(".tag")?.textContent).toBe("#legal");
    expect(item.querySelector(".reply")?.textContent).toBe("Dana OrtizOn it.");
    expect(thread(pageNote.id).querySelector(".page-note")?.textContent).toBe("About the whole page");
    expect(thread(pageNote.id).querySelector(".pending")?.textContent).toBe("Not synced yet");
  });

  it("lists orphans apart, as not found, and resolved threads folded away", () => {
    view();
    const orphans = screen.getByRole("region", { name: "Not found on this page (1)" });
    expect(within(orphans).getByText("Is this still true?")).toBeTruthy();
    expect(thread(orphan.id).querySelector(".orphan")?.textContent).toBe("Not found on the page");
    const resolved = document.querySelector("details.resolved-threads") as HTMLDetailsElement;
    expect(resolved.querySelector("summary")?.textContent).toBe("Resolved (1)");
    expect(resolved.open).toBe(false);
    expect(thread(done.id).querySelector(".reply.resolved")?.textContent).toBe("Pat Lee resolved this");
  });

  it("replies, resolves as a reply, and reopens", async () => {
    const onMutate = view();
    const item = within(thread(root.id));
    fireEvent.input(item.getByLabelText("Your reply"), { target: { value: "Two clauses to change." } });
    fireEvent.click(item.getByRole("button", { name: "Reply" }));
    await waitFor(() => expect(onMutate).toHaveBeenCalledTimes(1));
    expect(onMutate).toHaveBeenLastCalledWith({
      entity: "annotation",
      entityId: expect.stringMatching(/^[a-f0-9]{32}$/),
      op: "upsert",
      fields: {
        url: issueUrl,
        targets: ["github:acme/app#7"],
        selectors: [],
        quote: "",
        tags: [],
        visibility: "workspace",
        parent: root.id,
        addressedTo: null,
        body: "Two clauses to change.",
        resolved: false,
      },
    });

    fireEvent.click(item.getByRole("button", { name: "Resolve" }));
    await waitFor(() => expect(onMutate).toHaveBeenCalledTimes(2));
    expect(onMutate).toHaveBeenLastCalledWith(
      expect.objectContaining({ fields: expect.objectContaining({ parent: root.id, resolved: true }) }),
    );

    fireEvent.click(within(thread(done.id)).getByRole("button", { name: "Reopen" }));
    await waitFor(() => expect(onMutate).toHaveBeenCalledTimes(3));
    expect(onMutate).toHaveBeenLastCalledWith(
      expect.objectContaining({ fields: expect.objectContaining({ parent: done.id, body: "", resolved: false }) }),
    );
  });

  it("adds a note about the whole page, and says why a change was refused", async () => {
    const onMutate = view();
    fireEvent.input(screen.getByLabelText("Note about this page"), { target: { value: "Numbers are from October." } });
    fireEvent.click(screen.getByRole("button", { name: "Add note" }));
    await waitFor(() => expect(onMutate).toHaveBeenCalledTimes(1));
    expect(onMutate).toHaveBeenLastCalledWith(
      expect.objectContaining({
        fields: expect.objectContaining({
          url: issueUrl,
          targets: ["github:acme/app#7"],
          selectors: [],
          quote: "",
          body: "Numbers are from October.",
          parent: null,
        }),
      }),
    );

    onMutate.mockRejectedValueOnce(new Error("This item was deleted"));
    fireEvent.click(within(thread(root.id)).getByRole("button", { name: "Resolve" }));
    expect((await screen.findByRole("alert")).textContent).toBe("This item was deleted");
  });

  it("marks the annotation whose highlight was clicked, opening the resolved ones if need be", () => {
    view({ focusId: done.id });
    expect(thread(done.id).classList.contains("focused")).toBe(true);
    expect((document.querySelector("details.resolved-threads") as HTMLDetailsElement).open).toBe(true);
  });

  it("offers the page's annotations as Markdown", () => {
    view();
    const markdown = (screen.getByRole("textbox", { name: "Copy as Markdown" }) as HTMLTextAreaElement).value;
    expect(markdown).toContain(`## Annotations on ${issueUrl}`);
    expect(markdown).toContain(`> ${quote}`);
    expect(markdown).toContain("- **Dana Ortiz**: On it.");
    expect(markdown).toContain("not found on the page");
  });

  it("only lists when not connected, and says what to do when there is nothing", () => {
    view({ me: null });
    expect(screen.queryByLabelText("Your reply")).toBeNull();
    expect(screen.queryByLabelText("Note about this page")).toBeNull();
    cleanup();
    view({ annotations: [] });
    expect(screen.getByText("No annotations on this page yet. Select text and press Annotate.")).toBeTruthy();
    expect(screen.queryByRole("textbox", { name: "Copy as Markdown" })).toBeNull();
  });
});
