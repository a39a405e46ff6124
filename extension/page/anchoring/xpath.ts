/**
 * Element paths for W3C XPathSelectors, in the one form Liaison writes: an absolute path of
 * `name[n]` steps (`/html[1]/body[1]/main[1]/p[2]`). Reading them back walks the DOM step by
 * step instead of calling `document.evaluate`, so a path from elsewhere in any other form
 * simply does not resolve (and anchoring moves on to the next selector).
 */

const pathForm = /^(?:\/[A-Za-z][\w.-]*\[[1-9]\d*\])+$/;

/** The absolute path of an element: each step names the element and its position among same-named siblings. */
export function xpathOf(element: Element): string {
  const steps: string[] = [];
  for (let current: Element | null = element; current; current = current.parentElement) {
    const name = current.localName;
    let position = 1;
    for (let sibling = current.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (sibling.localName === name) position++;
    }
    steps.push(`${name}[${position}]`);
  }
  return `/${steps.reverse().join("/")}`;
}

/** The element an absolute `name[n]` path names, or null. */
export function elementAtXPath(doc: Document, path: string): Element | null {
  if (!pathForm.test(path)) return null;
  let current: ParentNode = doc;
  for (const step of path.slice(1).split("/")) {
    const open = step.indexOf("[");
    const name = step.slice(0, open);
    const lower = name.toLowerCase();
    let remaining = Number(step.slice(open + 1, -1));
    let found: Element | null = null;
    for (let child = current.firstElementChild; child; child = child.nextElementSibling) {
      if ((child.localName === name || child.localName === lower) && --remaining === 0) {
        found = child;
        break;
      }
    }
    if (!found) return null;
    current = found;
  }
  return current as Element;
}
