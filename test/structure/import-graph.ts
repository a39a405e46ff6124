// Reads import and export statements from source text and answers questions about the module graph (cycles, reach, unused exports).
// A small tokenizer stands in for a compiler: comments, strings, templates and regex literals are skipped
// so that an `import` inside them is never mistaken for a statement.

type Token = { kind: "name" | "string" | "punct" | "value"; text: string };

// Words after which a `/` starts a regular expression rather than a division.
const beforeRegex = new Set([
  "return",
  "typeof",
  "instanceof",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "case",
  "do",
  "else",
  "yield",
  "await",
]);

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  // Brace depth at which each open `${` of a template literal resumes its text.
  const templates: number[] = [];
  let depth = 0;
  let i = 0;
  const n = source.length;

  // Reads template text from i up to the closing backtick or the next `${`.
  const templateText = () => {
    while (i < n) {
      const c = source[i];
      if (c === "\\") i += 2;
      else if (c === "`") {
        i++;
        tokens.push({ kind: "value", text: "`" });
        return;
      } else if (c === "$" && source[i + 1] === "{") {
        i += 2;
        templates.push(depth);
        depth++;
        return;
      } else i++;
    }
  };

  // A quoted string or regex ends at its closing mark; a line break ends it too, so stray quotes
  // in JSX text (`<p>it's</p>`) cost at most the rest of their line.
  const quoted = (close: string, regex: boolean): string | null => {
    let text = "";
    let inClass = false;
    while (i < n) {
      const c = source[i];
      if (c === "\n" || c === "\r") return null;
      if (c === "\\") {
        text += source.slice(i, i + 2);
        i += 2;
        continue;
      }
      i++;
      if (regex && c === "[") inClass = true;
      else if (regex && c === "]") inClass = false;
      else if (c === close && !inClass) return text;
      text += c;
    }
    return null;
  };

  while (i < n) {
    const c = source[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "/" && source[i + 1] === "/") {
      while (i < n && source[i] !== "\n") i++;
    } else if (c === "/" && source[i + 1] === "*") {
      const end = source.indexOf("*/", i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === '"' || c === "'") {
      i++;
      const text = quoted(c, false);
      if (text !== null) tokens.push({ kind: "string", text });
    } else if (c === "`") {
      i++;
      templateText();
    } else if (c === "/" && startsRegex(tokens[tokens.length - 1])) {
      i++;
      if (quoted("/", true) !== null) {
        while (i < n && /[a-z]/i.test(source[i])) i++;
        tokens.push({ kind: "value", text: "/regex/" });
      }
    } else if (/[A-Za-z_$\u0080-\uffff]/.test(c)) {
      const start = i;
      while (i < n && /[\w$\u0080-\uffff]/.test(source[i])) i++;
      tokens.push({ kind: "name", text: source.slice(start, i) });
    } else if (/[0-9]/.test(c)) {
      while (i < n && /[\w.]/.test(source[i])) i++;
      tokens.push({ kind: "value", text: "0" });
    } else {
      i++;
      if (c === "{") depth++;
      if (c === "}") {
        depth--;
        if (templates.length > 0 && templates[templates.length - 1] === depth) {
          templates.pop();
          templateText();
          continue;
        }
      }
      tokens.push({ kind: "punct", text: c });
    }
  }
  return tokens;
}

function startsRegex(previous: Token | undefined): boolean {
  if (!previous) return true;
  if (previous.kind === "value" || previous.kind === "string") return false;
  if (previous.kind === "name") return beforeRegex.has(previous.text);
  return previous.text !== ")" && previous.text !== "]";
}

/** One import of a module: which names it takes from it (`all` for a namespace or a dynamic import). */
export interface ImportRef {
  specifier: string;
  /** Erased at build time: `import type`, `export type ... from`, every name marked `type`, or `import("x").Type`. */
  typeOnly: boolean;
  names: Set<string>;
  all: boolean;
}

export interface ParsedModule {
  imports: ImportRef[];
  /** Names the module itself exports, including named re-exports (`export { a } from`) but not `export *`. */
  exports: string[];
  /** Specifiers of `export * from`: their exports pass through this module. */
  exportsAllFrom: string[];
}

export function parseModule(source: string): ParsedModule {
  const tokens = tokenize(source);
  const imports: ImportRef[] = [];
  const exports: string[] = [];
  const exportsAllFrom: string[] = [];
  const at = (k: number): Token | undefined => tokens[k];
  const is = (k: number, text: string) => tokens[k]?.kind !== "string" && tokens[k]?.text === text;
  const isName = (k: number) => tokens[k]?.kind === "name";
  const isString = (k: number) => tokens[k]?.kind === "string";

  // `{ a, type b, c as d }` from k (at `{`): the names before and after `as`, and the index after `}`.
  const specifierList = (k: number) => {
    const list: { name: string; alias: string; typeOnly: boolean }[] = [];
    k++;
    while (k < tokens.length && !is(k, "}")) {
      let typeOnly = false;
      if (is(k, "type") && (isName(k + 1) || isString(k + 1)) && !is(k + 1, "as")) {
        typeOnly = true;
        k++;
      }
      const name = at(k)?.text ?? "";
      k++;
      let alias = name;
      if (is(k, "as")) {
        alias = at(k + 1)?.text ?? name;
        k += 2;
      }
      list.push({ name, alias, typeOnly });
      if (is(k, ",")) k++;
      else if (!is(k, "}")) break;
    }
    return { list, next: k + 1 };
  };

  // The members read from a namespace binding `ns.member`; `null` when the binding is used whole.
  const membersOf = (local: string, declaredAt: number): Set<string> | null => {
    const members = new Set<string>();
    for (let k = 0; k < tokens.length; k++) {
      if (k === declaredAt || !isName(k) || tokens[k].text !== local || is(k - 1, ".")) continue;
      if (is(k + 1, ".") && isName(k + 2)) members.add(tokens[k + 2].text);
      else return null;
    }
    return members;
  };

  const add = (specifier: string, typeOnly: boolean, names: Iterable<string>, all = false) =>
    imports.push({ specifier, typeOnly, names: new Set(names), all });

  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k].kind !== "name" || is(k - 1, ".") || is(k + 1, ":")) continue;
    const word = tokens[k].text;

    if (word === "import") {
      if (is(k + 1, "(")) {
        if (!isString(k + 2) || !is(k + 3, ")")) continue;
        const specifier = tokens[k + 2].text;
        if (is(k + 4, ".") && isName(k + 5) && tokens[k + 5].text !== "then") {
          add(specifier, !is(k + 6, "("), [tokens[k + 5].text]);
        } else if (is(k - 1, "await") && is(k - 2, "=") && is(k - 3, "}")) {
          add(specifier, false, ...destructured(tokens, k - 3));
        } else {
          add(specifier, is(k - 1, "typeof"), [], true);
        }
        continue;
      }
      if (isString(k + 1)) {
        add(tokens[k + 1].text, false, []);
        continue;
      }
      let j = k + 1;
      let typeOnly = false;
      if (is(j, "type") && !is(j + 1, "from") && !is(j + 1, ",")) {
        typeOnly = true;
        j++;
      }
      const names: string[] = [];
      let all = false;
      let everyNameTyped = true;
      let sawBraces = false;
      if (isName(j) && !is(j, "from")) {
        names.push("default");
        everyNameTyped = false;
        j++;
        if (is(j, ",")) j++;
      }
      if (is(j, "*") && is(j + 1, "as") && isName(j + 2)) {
        const members = membersOf(tokens[j + 2].text, j + 2);
        if (members) names.push(...members);
        else all = true;
        everyNameTyped = false;
        j += 3;
      } else if (is(j, "{")) {
        const { list, next } = specifierList(j);
        sawBraces = true;
        for (const s of list) {
          names.push(s.name);
          if (!s.typeOnly) everyNameTyped = false;
        }
        j = next;
      }
      if (!is(j, "from") || !isString(j + 1)) continue;
      add(tokens[j + 1].text, typeOnly || (sawBraces && everyNameTyped && names.length > 0), names, all);
      continue;
    }

    if (word === "export") {
      let j = k + 1;
      if (is(j, "default")) {
        exports.push("default");
        continue;
      }
      let typeOnly = false;
      if (is(j, "type") && (is(j + 1, "{") || is(j + 1, "*"))) {
        typeOnly = true;
        j++;
      }
      if (is(j, "*")) {
        if (is(j + 1, "from") && isString(j + 2)) exportsAllFrom.push(tokens[j + 2].text);
        else if (is(j + 1, "as") && isName(j + 2) && is(j + 3, "from") && isString(j + 4)) {
          exports.push(tokens[j + 2].text);
          add(tokens[j + 4].text, typeOnly, [], true);
        }
        continue;
      }
      if (is(j, "{")) {
        const { list, next } = specifierList(j);
        exports.push(...list.map((s) => s.alias));
        if (is(next, "from") && isString(next + 1)) {
          const everyNameTyped = list.length > 0 && list.every((s) => s.typeOnly);
          add(
            tokens[next + 1].text,
            typeOnly || everyNameTyped,
            list.map((s) => s.name),
          );
        }
        continue;
      }
      while (is(j, "declare") || is(j, "abstract") || is(j, "async")) j++;
      if (is(j, "const") && is(j + 1, "enum")) j++;
      const declares = ["function", "class", "const", "let", "var", "interface", "type", "enum", "namespace", "module"];
      const name = is(j, "function") && is(j + 1, "*") ? j + 2 : j + 1;
      if (declares.some((d) => is(j, d)) && isName(name)) exports.push(tokens[name].text);
    }
  }
  return { imports, exports, exportsAllFrom };
}

// `const { a, b: c, ...rest } = await import("x")`: the keys read, walking back from the closing brace.
function destructured(tokens: Token[], close: number): [string[], boolean] {
  let depth = 0;
  let open = close;
  for (; open >= 0; open--) {
    if (tokens[open].text === "}" && tokens[open].kind === "punct") depth++;
    if (tokens[open].text === "{" && tokens[open].kind === "punct") depth--;
    if (depth === 0) break;
  }
  const names: string[] = [];
  depth = 0;
  for (let k = open; k < close; k++) {
    const token = tokens[k];
    if (token.kind === "punct" && "{[(".includes(token.text)) depth++;
    if (token.kind === "punct" && "}])".includes(token.text)) depth--;
    const previous = tokens[k - 1];
    if (depth === 1 && token.kind === "name" && previous.kind === "punct" && (previous.text === "{" || previous.text === ","))
      names.push(token.text);
    if (depth === 1 && token.text === "." && tokens[k + 1]?.text === ".") return [[], true];
  }
  return [names, false];
}

/** Where an import leads: one of our modules, a package, a non-code file (css, json), or nowhere. */
export type Target = { file: string } | { package: string } | { asset: string } | { unresolved: string };

export interface Edge {
  from: string;
  specifier: string;
  target: Target;
  typeOnly: boolean;
  names: Set<string>;
  all: boolean;
  /** An `export * from`: the target's exports pass through the importer. */
  passesOn: boolean;
}

export interface ModuleGraph {
  modules: Map<string, ParsedModule>;
  edges: Map<string, Edge[]>;
}

export interface GraphOptions {
  /** Whether a repository path exists on disk, for imports of files that are not modules (css). */
  exists?: (path: string) => boolean;
  /** Path prefixes a bare specifier may start with, e.g. WXT's `@/` for `extension/`. */
  aliases?: Record<string, string>;
}

/** Builds the graph of the given modules, keyed by repository paths with forward slashes. */
export function buildGraph(files: ReadonlyMap<string, string>, options: GraphOptions = {}): ModuleGraph {
  const modules = new Map<string, ParsedModule>();
  for (const [path, source] of files) modules.set(path, parseModule(source));
  const edges = new Map<string, Edge[]>();
  for (const [path, parsed] of modules) {
    const refs = [
      ...parsed.imports.map((ref) => ({ ...ref, passesOn: false })),
      ...parsed.exportsAllFrom.map((specifier) => ({ specifier, typeOnly: false, names: new Set<string>(), all: false, passesOn: true })),
    ];
    edges.set(path, [
      ...refs.map((ref) => ({ from: path, ...ref, target: resolve(path, ref.specifier, modules, options) })),
      ...globEdges(path, files.get(path) ?? "", modules),
    ]);
  }
  return { modules, edges };
}

/**
 * Vite's `import.meta.glob(pattern, { import: "name" })` (the tests read every site's examples
 * this way): an import of each module the pattern matches, of that one name or of all.
 */
function globEdges(from: string, source: string, modules: Map<string, ParsedModule>): Edge[] {
  const edges: Edge[] = [];
  for (const call of source.matchAll(/import\.meta\.glob(?:<[^>(]*>)?\(\s*["']([^"']+)["']\s*(?:,\s*\{([^}]*)\})?/g)) {
    const [, pattern, options = ""] = call;
    const name = /import:\s*["'](\w+)["']/.exec(options)?.[1];
    const base = normalize(`${from.slice(0, from.lastIndexOf("/") + 1)}${pattern}`);
    const matcher = new RegExp(
      `^${base
        .split("**")
        .map((part) =>
          part
            .split("*")
            .map((text) => text.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
            .join("[^/]*"),
        )
        .join(".*")}$`,
    );
    for (const file of modules.keys()) {
      if (!matcher.test(file)) continue;
      edges.push({
        from,
        specifier: pattern,
        target: { file },
        typeOnly: false,
        names: new Set(name ? [name] : []),
        all: !name,
        passesOn: false,
      });
    }
  }
  return edges;
}

function resolve(from: string, specifier: string, modules: Map<string, ParsedModule>, options: GraphOptions): Target {
  const bare = specifier.replace(/[?#].*$/, "");
  let base: string | null = null;
  if (bare.startsWith("./") || bare.startsWith("../") || bare === "." || bare === "..") {
    base = normalize(`${from.slice(0, from.lastIndexOf("/") + 1)}${bare}`);
  } else {
    for (const [prefix, folder] of Object.entries(options.aliases ?? {})) {
      if (bare === prefix.replace(/\/$/, "") || bare.startsWith(prefix)) base = normalize(`${folder}/${bare.slice(prefix.length)}`);
      if (base !== null) break;
    }
  }
  if (base === null) {
    const parts = bare.split("/");
    return { package: bare.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0] };
  }
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`];
  if (/\.[mc]?js$/.test(base)) candidates.push(base.replace(/\.([mc]?)js$/, ".$1ts"), base.replace(/\.[mc]?js$/, ".tsx"));
  const file = candidates.find((candidate) => modules.has(candidate));
  if (file) return { file };
  if (options.exists?.(base)) return { asset: base };
  return { unresolved: base };
}

function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}

/** The module an edge leads to, if it is one of ours. */
export function fileOf(edge: Edge): string | null {
  return "file" in edge.target ? edge.target.file : null;
}

/** Imports that name a relative or aliased path where no file exists. */
export function unresolvedImports(graph: ModuleGraph): string[] {
  return [...graph.edges.values()].flat().flatMap((edge) => ("unresolved" in edge.target ? [`${edge.from}: "${edge.specifier}"`] : []));
}

/**
 * Every import cycle among the modules `within` accepts, one per strongly connected group, as the
 * shortest loop through its first file, e.g. ["a.ts", "b.ts", "a.ts"]. Type imports count.
 */
export function findCycles(graph: ModuleGraph, within: (file: string) => boolean = () => true): string[][] {
  const files = [...graph.modules.keys()].filter(within).sort();
  const next = (file: string) => (graph.edges.get(file) ?? []).map(fileOf).filter((to): to is string => to !== null && within(to));
  // Tarjan's strongly connected components, iteratively so a deep graph cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;
  for (const root of files) {
    if (index.has(root)) continue;
    const work: { file: string; targets: string[]; at: number }[] = [];
    const enter = (file: string) => {
      index.set(file, counter);
      low.set(file, counter);
      counter++;
      stack.push(file);
      onStack.add(file);
      work.push({ file, targets: next(file), at: 0 });
    };
    enter(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame.at < frame.targets.length) {
        const to = frame.targets[frame.at++];
        if (!index.has(to)) enter(to);
        else if (onStack.has(to)) low.set(frame.file, Math.min(low.get(frame.file)!, index.get(to)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].file;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.file)!));
      }
      if (low.get(frame.file) === index.get(frame.file)) {
        const group: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.file);
        if (group.length > 1 || next(frame.file).includes(frame.file)) groups.push(group.sort());
      }
    }
  }
  return groups
    .map((group) => {
      const inGroup = new Set(group);
      const start = group[0];
      return (
        shortestPath(
          start,
          (file) => next(file).filter((to) => inGroup.has(to)),
          (file, step) => step > 0 && file === start,
        ) ?? [start]
      );
    })
    .sort((a, b) => a[0].localeCompare(b[0]));
}

// Breadth-first search from `start`; returns the path to the first file `found` accepts at a step > 0 (or at 0).
function shortestPath(start: string, next: (file: string) => string[], found: (file: string, step: number) => boolean): string[] | null {
  const queue: string[][] = [[start]];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const path = queue.shift()!;
    for (const to of next(path[path.length - 1])) {
      if (found(to, path.length)) return [...path, to];
      if (seen.has(to)) continue;
      seen.add(to);
      queue.push([...path, to]);
    }
  }
  return null;
}

/** Whether an import survives the build: type-only imports are erased and bundle nothing. */
export const atRunTime = (edge: Edge): boolean => !edge.typeOnly;

/**
 * The imports reachable from `entry` through the imports `follow` accepts (all by default) that
 * `forbidden` rejects, each with the chain of files that leads to it.
 */
export function forbiddenReach(
  graph: ModuleGraph,
  entry: string,
  forbidden: (target: Target) => boolean,
  follow: (edge: Edge) => boolean = () => true,
): { target: string; chain: string[] }[] {
  const found: { target: string; chain: string[] }[] = [];
  const parent = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  const chainTo = (file: string) => {
    const chain: string[] = [];
    for (let at: string | null = file; at !== null; at = parent.get(at) ?? null) chain.unshift(at);
    return chain;
  };
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const edge of (graph.edges.get(file) ?? []).filter(follow)) {
      if (forbidden(edge.target)) found.push({ target: describeTarget(edge.target), chain: chainTo(file) });
      const to = fileOf(edge);
      if (to !== null && !parent.has(to)) {
        parent.set(to, file);
        queue.push(to);
      }
    }
  }
  return found;
}

export function describeTarget(target: Target): string {
  if ("file" in target) return target.file;
  if ("package" in target) return `package ${target.package}`;
  if ("asset" in target) return target.asset;
  return `${target.unresolved} (missing)`;
}

/** Direct imports from files `from` accepts that `forbidden` rejects, as "importer -> target" lines. */
export function forbiddenImports(graph: ModuleGraph, from: (file: string) => boolean, forbidden: (target: Target) => boolean): string[] {
  return [...graph.edges.entries()]
    .filter(([file]) => from(file))
    .flatMap(([, edges]) => edges.filter((edge) => forbidden(edge.target)).map((edge) => `${edge.from} -> ${describeTarget(edge.target)}`))
    .sort();
}

/** Whether a target is one of our files (or a stylesheet, a JSON file) under one of these folders, each ending in "/". */
export const fileUnder =
  (...folders: string[]) =>
  (target: Target): boolean => {
    const at = "file" in target ? target.file : "asset" in target ? target.asset : null;
    return at !== null && folders.some((folder) => at.startsWith(folder));
  };

/** Whether a target is one of these packages or a subpath of it (`preact` covers `preact/hooks`). */
export const packageNamed =
  (...names: string[]) =>
  (target: Target): boolean =>
    "package" in target && names.includes(target.package);

/**
 * Exported names no other module imports, as "path: name", for the modules `audited` accepts.
 * Every module in the graph counts as a user; the exports of `entries` (files a tool loads by
 * itself) are used by that tool. Names passed on by `export *` count as used where they are declared.
 */
export function unusedExports(graph: ModuleGraph, audited: (file: string) => boolean, entries: (file: string) => boolean): string[] {
  const used = new Set<string>();
  const key = (file: string, name: string) => `${file}: ${name}`;
  const starTargets = (file: string) => (graph.edges.get(file) ?? []).filter((edge) => edge.passesOn).map(fileOf);

  const markAll = (file: string, seen = new Set<string>()) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const name of graph.modules.get(file)?.exports ?? []) used.add(key(file, name));
    for (const to of starTargets(file)) if (to) markAll(to, seen);
  };
  const mark = (file: string, name: string, seen = new Set<string>()) => {
    if (seen.has(file)) return;
    seen.add(file);
    const parsed = graph.modules.get(file);
    if (!parsed) return;
    if (parsed.exports.includes(name)) used.add(key(file, name));
    else if (name !== "default") for (const to of starTargets(file)) if (to) mark(to, name, seen);
  };

  for (const file of graph.modules.keys()) if (entries(file)) markAll(file);
  for (const edge of [...graph.edges.values()].flat()) {
    const to = fileOf(edge);
    if (to === null || to === edge.from) continue;
    if (edge.all) markAll(to);
    for (const name of edge.names) mark(to, name);
  }
  return [...graph.modules.entries()]
    .filter(([file]) => audited(file))
    .flatMap(([file, parsed]) => [...new Set(parsed.exports)].map((name) => key(file, name)))
    .filter((entry) => !used.has(entry))
    .sort();
}
