/** Light or dark, read from the page's own background, so in-page UI matches the site's theme. */
export function pageTheme(doc: Document = document): "light" | "dark" {
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const match = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)/.exec(getComputedStyle(element).backgroundColor);
    if (!match || match[4] === "0") continue;
    const [r, g, b] = match.slice(1, 4).map((v) => Number(v) / 255);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? "dark" : "light";
  }
  return matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}
