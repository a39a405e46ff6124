// Shows a note's Markdown as elements, never as HTML, in the side panel and in the tips on pages.
import type { ComponentChildren } from "preact";

/**
 * A small Markdown reader for notes: paragraphs and line breaks, `#` headings, `>` quotes,
 * dash, star or numbered lists, fenced code, inline code, bold, italic, [links](https://…),
 * bare https links and backslash escapes. It builds elements, never HTML from the note, so a note cannot inject
 * markup or script; links go only to http(s) and mailto addresses and open in a new tab.
 */
export function Markdown({ source, class: className }: { source: string; class?: string }) {
  return <div class={className ?? "markdown"}>{blocks(source)}</div>;
}

type Block =
  | { kind: "paragraph"; lines: string[] }
  | { kind: "heading"; text: string }
  | { kind: "quote"; lines: string[] }
  | { kind: "list"; ordered: boolean; items: string[] }
  | { kind: "code"; lines: string[] };

const listItem = /^\s*(?:[-*+]|(\d{1,9})[.)])\s+(.*)$/;

function parse(source: string): Block[] {
  const parsed: Block[] = [];
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
      continue;
    }
    if (/^\s*```/.test(line)) {
      const code: string[] = [];
      i++;
      while (i < lines.length && !/^\s*```/.test(lines[i])) code.push(lines[i++]);
      i++;
      parsed.push({ kind: "code", lines: code });
      continue;
    }
    const heading = /^\s*#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      parsed.push({ kind: "heading", text: heading[1] });
      i++;
      continue;
    }
    if (/^\s*>/.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && /^\s*>/.test(lines[i])) quoted.push(lines[i++].replace(/^\s*>\s?/, ""));
      parsed.push({ kind: "quote", lines: quoted });
      continue;
    }
    const item = listItem.exec(line);
    if (item) {
      const ordered = item[1] !== undefined;
      const items: string[] = [];
      while (i < lines.length) {
        const next = listItem.exec(lines[i]);
        if (!next || (next[1] !== undefined) !== ordered) break;
        items.push(next[2]);
        i++;
      }
      parsed.push({ kind: "list", ordered, items });
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && lines[i].trim() && !/^\s*(```|#{1,6}\s|>)/.test(lines[i]) && !listItem.test(lines[i]))
      paragraph.push(lines[i++]);
    parsed.push({ kind: "paragraph", lines: paragraph });
  }
  return parsed;
}

function blocks(source: string): ComponentChildren[] {
  return parse(source).map((block, key) => {
    switch (block.kind) {
      case "paragraph":
        return <p key={key}>{lines(block.lines)}</p>;
      case "heading":
        return (
          <p key={key}>
            <strong>{inline(block.text)}</strong>
          </p>
        );
      case "quote":
        return <blockquote key={key}>{lines(block.lines)}</blockquote>;
      case "code":
        return (
          <pre key={key}>
            <code>{block.lines.join("\n")}</code>
          </pre>
        );
      case "list": {
        const items = block.items.map((text, n) => <li key={n}>{inline(text)}</li>);
        return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
      }
      default:
        return null;
    }
  });
}

function lines(list: string[]): ComponentChildren[] {
  return list.flatMap((line, n) => (n === 0 ? [inline(line)] : [<br key={`br${n}`} />, inline(line)]));
}

const inlinePattern =
  /\\([\\`*_{}[\]()#+\-.!<>|~])|`([^`\n]+)`|\*\*([^*\n]+?)\*\*|__([^_\n]+?)__|\*([^*\n]+?)\*|\b_([^_\n]+?)_\b|\[([^\]\n]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/g;

/** Inline formatting; anything that is not formatting stays text. */
function inline(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let last = 0;
  let key = 0;
  for (const match of text.matchAll(inlinePattern)) {
    const at = match.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    const [whole, escaped, code, bold, boldAlt, italic, italicAlt, label, href, bare] = match;
    // A backslash escape (`\<`, `\*`) stands for the character itself.
    if (escaped !== undefined) out.push(escaped);
    else if (code !== undefined) out.push(<code key={key++}>{code}</code>);
    else if (bold !== undefined || boldAlt !== undefined) out.push(<strong key={key++}>{inline(bold ?? boldAlt)}</strong>);
    else if (italic !== undefined || italicAlt !== undefined) out.push(<em key={key++}>{inline(italic ?? italicAlt)}</em>);
    else if (label !== undefined) out.push(safeHref(href) ? link(safeHref(href) as string, inline(label), key++) : whole);
    else if (bare !== undefined) out.push(safeHref(bare) ? link(bare, [bare], key++) : bare);
    last = at + whole.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function link(href: string, children: ComponentChildren, key: number) {
  return (
    <a key={key} href={href} target="_blank" rel="noreferrer noopener">
      {children}
    </a>
  );
}

/** Only web and mail links: `javascript:`, `data:` and the like are shown as text. */
function safeHref(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" || url.protocol === "mailto:" ? url.href : null;
  } catch {
    return null;
  }
}
