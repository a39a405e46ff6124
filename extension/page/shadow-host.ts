/**
 * Closed in the builds users get: no page script can read what Liaison shows or reach its
 * buttons. Open only in a build made with LIAISON_OPEN_SHADOW_ROOTS=1, for black-box tests.
 */
export const shadowRootMode: ShadowRootMode = __LIAISON_OPEN_SHADOW_ROOTS__ ? "open" : "closed";

/** Every event an in-page control acts on. */
const actionEvents = [
  "click",
  "dblclick",
  "auxclick",
  "mousedown",
  "mouseup",
  "pointerdown",
  "pointerup",
  "submit",
  "keydown",
  "keyup",
  "keypress",
  "beforeinput",
  "input",
  "change",
];

/**
 * Liaison acts on the user's own input only: an event a script made (`isTrusted` false: a
 * `click()`, a dispatched key) stops at the shadow root, before any control hears it, and does
 * nothing by default (a script-made click on Save submits nothing). A form submit counts only
 * in the task of the user's own click or key: `requestSubmit()` from a script fires a submit
 * the browser marks as trusted.
 */
export function acceptTrustedEventsOnly(shadow: ShadowRoot): void {
  let userActing = false;
  const guard = (event: Event) => {
    if (event.isTrusted && (event.type !== "submit" || userActing)) {
      if ((event.type === "click" || event.type === "keydown") && !userActing) {
        userActing = true;
        setTimeout(() => {
          userActing = false;
        });
      }
      return;
    }
    event.stopImmediatePropagation();
    event.preventDefault();
  };
  for (const type of actionEvents) shadow.addEventListener(type, guard, { capture: true });
}

/**
 * Liaison's in-page UI lives in `liaison-*` elements with shadow roots (`shadowRootMode`), so
 * the page's CSS cannot reach in and ours cannot leak out. Keyboard events stop at the host: sites bind
 * single-letter shortcuts on the document (GitHub, Jira, Linear; seen 2026-11) and would
 * otherwise act on what the user types into Liaison's fields.
 */
export function createShadowHost(tag: `liaison-${string}`, css: string, doc: Document = document) {
  const host = doc.createElement(tag);
  host.style.all = "initial";
  const shadow = host.attachShadow({ mode: shadowRootMode });
  acceptTrustedEventsOnly(shadow);
  const style = doc.createElement("style");
  style.textContent = css;
  shadow.append(style);
  const root = doc.createElement("div");
  root.className = "root";
  shadow.append(root);
  for (const type of ["keydown", "keyup", "keypress", "input"]) {
    host.addEventListener(type, (event) => event.stopPropagation());
  }
  (doc.body ?? doc.documentElement).append(host);
  return { host, shadow, root, remove: () => host.remove() };
}
