import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";

// The module keeps the loaded catalogue: each test imports a fresh copy.
async function freshI18n() {
  vi.resetModules();
  return import("../../extension/ui/i18n");
}

const catalogue = (text: string) => ({ chipNoAccountable: { message: text } });

afterEach(async () => {
  vi.restoreAllMocks();
  await fakeBrowser.storage.local.clear();
  fakeBrowser.i18n.getUILanguage = () => "en-US";
});

describe("the catalogue a content script loads ahead", () => {
  it("serves every string without calling chrome.i18n, whose first call blocks the page", async () => {
    const i18n = await freshI18n();
    const lookup = vi.spyOn(fakeBrowser.i18n, "getMessage");
    const load = vi.fn(async (language: string) => catalogue(`from ${language}`));
    await i18n.loadPageCatalogue(load);
    expect(load).toHaveBeenCalledWith("en");
    expect(i18n.t("chipNoAccountable")).toBe("from en");
    expect(lookup).not.toHaveBeenCalled();
    // The browser's own dates stay: only the strings come from the catalogue.
    expect(i18n.uiLocale()).toBe("en-US");
  });

  it("loads the language chosen in options instead of the browser's", async () => {
    const i18n = await freshI18n();
    await fakeBrowser.storage.local.set({ uiLanguage: "zh_CN" });
    const load = vi.fn(async (language: string) => catalogue(`from ${language}`));
    await i18n.loadPageCatalogue(load);
    expect(i18n.t("chipNoAccountable")).toBe("from zh_CN");
  });

  it("picks the catalogue Chrome would for the browser's language", async () => {
    const { catalogueLanguage } = await freshI18n();
    expect(catalogueLanguage("zh-CN")).toBe("zh_CN");
    expect(catalogueLanguage("zh-cn")).toBe("zh_CN");
    expect(catalogueLanguage("en-GB")).toBe("en");
    expect(catalogueLanguage("zh-TW")).toBe("en");
    expect(catalogueLanguage("fr")).toBe("en");
  });

  it("falls back to chrome.i18n when the catalogue could not be loaded", async () => {
    const i18n = await freshI18n();
    await i18n
      .loadPageCatalogue(async () => {
        throw new Error("background restarting");
      })
      .catch(() => {});
    expect(i18n.t("chipNoAccountable")).toBe(fakeBrowser.i18n.getMessage("chipNoAccountable"));
  });
});
