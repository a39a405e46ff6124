// Capture: the context menu and shortcut that open the capture forms on a page, and the messages those forms send.
import { type Browser, browser } from "wxt/browser";
import type { captureMessages } from "../common/messages/capture";
import { publicSession } from "../common/session";
import { getKv } from "../store/db";
import { newLocalId } from "../store/store";
import { t } from "../ui/i18n";
import type { Background, Handlers } from "./context";
import { minutesMenu } from "./minutes";

const captureMenu = "liaison-capture-action-item";
const annotateMenu = "liaison-annotate";
const contentScript = "/content-scripts/liaison.js";

async function openCapture(tab: Browser.tabs.Tab | undefined, selectionText?: string, kind: "actionItem" | "annotation" = "actionItem") {
  if (tab?.id === undefined) return;
  const message = { type: "capture.open" as const, selectionText, kind };
  try {
    await browser.tabs.sendMessage(tab.id, message);
  } catch {
    // Not a page Liaison runs on by itself: the user's click or shortcut granted activeTab, so inject it now.
    await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [contentScript] });
    await browser.tabs.sendMessage(tab.id, message);
  }
}

export function startCapture(background: Background): Handlers<keyof typeof captureMessages> {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === captureMenu) void openCapture(tab, info.selectionText);
    if (info.menuItemId === annotateMenu) void openCapture(tab, info.selectionText, "annotation");
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === "capture-action-item") void openCapture(tab);
  });
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({ id: captureMenu, title: t("menuCaptureActionItem"), contexts: ["selection", "page"] });
      browser.contextMenus.create({ id: annotateMenu, title: t("menuAnnotate"), contexts: ["selection", "page"] });
      browser.contextMenus.create({ id: minutesMenu, title: t("menuImportMinutes"), contexts: ["page"] });
    });
  });

  return {
    "capture.context": async (_message, { store }) => ({
      session: publicSession(await background.session()),
      members: (await getKv(store, "members")) ?? [],
    }),
    // The kind's schema already checked the fields (common/messages/capture.ts).
    "record.create": async ({ kind, fields }) => ({
      id: await background.saveLocal({ entity: kind, entityId: newLocalId(), op: "upsert", fields }),
    }),
  };
}
