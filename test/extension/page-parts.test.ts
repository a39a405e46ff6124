// Liaison's later parts on a page (annotations, capture) join the first part's start, and leave with it.
import { afterEach, describe, expect, it } from "vitest";
import { ContentScriptContext } from "wxt/utils/content-script-context";
import { joinPage, pageStart } from "../../extension/page/parts";

afterEach(() => {
  delete window.__liaisonStart;
});

function startPage() {
  let leave: () => void = () => {};
  const left = new Promise<void>((resolve) => {
    leave = resolve;
  });
  const overlay = { onStoreChange: () => {}, firstPaint: Promise.resolve() };
  window.__liaisonStart = pageStart(overlay, Promise.resolve(), () => [], left);
  return leave;
}

describe("later parts of Liaison on a page", () => {
  it("leave when the first part leaves (the user removed the page's host)", async () => {
    const leave = startPage();
    const annotations = new ContentScriptContext("liaison-annotations");
    const capture = new ContentScriptContext("liaison-capture");
    await joinPage("annotations", annotations);
    await joinPage("capture", capture);
    expect(annotations.isInvalid).toBe(false);
    leave();
    await Promise.resolve();
    await Promise.resolve();
    expect(annotations.isInvalid).toBe(true);
    expect(capture.isInvalid).toBe(true);
  });
});
