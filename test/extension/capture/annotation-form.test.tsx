import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type AnnotationDraft, AnnotationForm, addressee, parseTags } from "../../../extension/page/capture/AnnotationForm";
import { dana, members } from "../annotations/fixtures";

afterEach(cleanup);

const quote = "confirm the new data processing agreement";
const draft: AnnotationDraft = {
  selectors: [
    { type: "TextPositionSelector", start: 120, end: 161 },
    { type: "TextQuoteSelector", exact: quote, prefix: "Legal must ", suffix: " before we" },
  ],
  quote,
  url: "https://github.com/acme/app/issues/7",
  targets: ["github:acme/app#7"],
};

describe("the annotate form", () => {
  it("saves a note on the selection with tags, visibility and whom it is for", async () => {
    const onSave = vi.fn(async () => {});
    render(<AnnotationForm draft={draft} session={null} members={members} onSave={onSave} onClose={() => {}} />);
    expect(screen.getByRole("dialog", { name: "New annotation" }).querySelector("blockquote")?.textContent).toBe(quote);
    fireEvent.input(screen.getByLabelText("Note"), { target: { value: "Legal: please review the **DPA** terms." } });
    fireEvent.input(screen.getByLabelText("Tags (comma separated)"), { target: { value: "legal, #dpa，legal" } });
    fireEvent.input(screen.getByLabelText("Addressed to"), { target: { value: "Legal" } });
    fireEvent.change(screen.getByLabelText("Visible to"), { target: { value: "private" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave).toHaveBeenCalledWith({
      url: draft.url,
      targets: draft.targets,
      selectors: draft.selectors,
      quote,
      body: "Legal: please review the **DPA** terms.",
      tags: ["legal", "dpa"],
      visibility: "private",
      parent: null,
      resolved: false,
      addressedTo: { department: "Legal", memberId: null },
    });
  });

  it("addresses a teammate by name, with their department", () => {
    expect(addressee("Dana Ortiz", members)).toEqual({ department: "Legal", memberId: dana.id });
    expect(addressee("  ", members)).toBeNull();
    expect(parseTags(" a ,b,, #c ")).toEqual(["a", "b", "c"]);
  });

  it("asks for a note when there are no selected words to annotate", async () => {
    const onSave = vi.fn(async () => {});
    render(
      <AnnotationForm draft={{ ...draft, selectors: [], quote: "" }} session={null} members={[]} onSave={onSave} onClose={() => {}} />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Write a note about this page.");
    expect(onSave).not.toHaveBeenCalled();
  });
});
