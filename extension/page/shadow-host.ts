/**
 * Liaison's in-page UI lives in `liaison-*` elements with open shadow roots, so the page's CSS
 * cannot reach in and ours cannot leak out. Keyboard events stop at the host: sites bind
 * single-letter shortcuts on the document (GitHub, Jira, Linear; seen 2026-11) and would
 * otherwise act on what the user types into Liaison's fields.
 */
export function createShadowHost(tag: `liaison-${string}`, css: string, doc: Document = document) {
  const host = doc.createElement(tag);
  host.style.all = "initial";
  const shadow = host.attachShadow({ mode: "open" });
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
