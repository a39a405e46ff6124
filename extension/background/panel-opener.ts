// Opening the side panel from a notification's click: the window is known beforehand, so that the click still counts as the user's.
import { browser } from "wxt/browser";

/**
 * Opens Chrome's side panel in the window last focused, or Firefox's sidebar. Called at once in
 * the click's handler (no await before it), while the click still counts as the user's gesture:
 * the window is known beforehand for that.
 */
export function panelOpener(): () => void {
  let windowId: number | undefined;
  const windows = browser.windows as typeof browser.windows | undefined;
  try {
    void windows
      ?.getLastFocused()
      .then((window) => {
        windowId ??= window.id;
      })
      .catch(() => {});
    windows?.onFocusChanged.addListener((id) => {
      if (id !== windows.WINDOW_ID_NONE) windowId = id;
    });
  } catch {}
  return () => {
    const sidePanel = (browser as unknown as { sidePanel?: { open(o: { windowId: number }): Promise<void> } }).sidePanel;
    const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
    // Refused without the user's gesture: the request then waits for the panel's next opening.
    try {
      if (sidePanel && windowId !== undefined) void sidePanel.open({ windowId }).catch(() => {});
      else void sidebar?.open().catch(() => {});
    } catch {}
  };
}
