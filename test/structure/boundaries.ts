// Liaison's structure rules as questions about the module graph, and the graph of the files on disk they are asked of.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  atRunTime,
  buildGraph,
  fileOf,
  fileUnder,
  findCycles,
  forbiddenImports,
  forbiddenReach,
  type ModuleGraph,
  packageNamed,
  type Target,
  unusedExports,
} from "./import-graph";

/** Our code, which every rule holds. */
export const sourceFolders = ["extension/", "shared/", "worker/"];
/** Code that only uses ours: its imports count as uses, and no rule holds it. */
const userFolders = ["test/", "bench/", "scripts/"];
/** Never ours or never code: dependencies, build output, WXT's generated types, recorded tracker pages. */
const skippedFolders = new Set(["node_modules", ".output", ".wxt", "fixtures"]);
/** WXT's path aliases (its srcDir is extension/). */
const aliases = { "@/": "extension", "~/": "extension", "@@/": "", "~~/": "" };

export const isSource = (file: string) => sourceFolders.some((folder) => file.startsWith(folder));

/** The page-start script: the content script every tracker page loads, which must stay small. */
export const pageStart = "extension/entrypoints/liaison.content/index.ts";

/** The folders each room's files may not import, directly (type imports included) or through the code they run. */
export const rooms: { files: string; why: string; mayNotImport: string[] }[] = [
  {
    files: "extension/page/",
    why: "a page never opens the store; it asks the background",
    mayNotImport: ["extension/panel/", "extension/options/", "extension/background/", "extension/store/"],
  },
  {
    files: "extension/panel/",
    why: "the panel asks the background, and draws no page",
    mayNotImport: ["extension/page/", "extension/background/"],
  },
  {
    files: "extension/options/",
    why: "options ask the background, and draw no page",
    mayNotImport: ["extension/page/", "extension/background/"],
  },
  { files: "worker/", why: "the Worker is built without the extension", mayNotImport: ["extension/"] },
];

/** The graph of our code and of the code that uses it, read from disk under `root`. */
export function readTree(root: string): { graph: ModuleGraph; isEntry: (file: string) => boolean } {
  const files = new Map<string, string>();
  const walk = (folder: string, code: RegExp) => {
    if (!existsSync(path.join(root, folder))) return;
    for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
      const file = `${folder}${entry.name}`;
      if (entry.isDirectory() && !skippedFolders.has(entry.name) && !entry.name.startsWith(".")) walk(`${file}/`, code);
      else if (entry.isFile() && code.test(entry.name) && !entry.name.endsWith(".d.ts"))
        files.set(file, readFileSync(path.join(root, file), "utf8"));
    }
  };
  for (const folder of sourceFolders) walk(folder, /\.tsx?$/);
  for (const folder of userFolders) walk(folder, /\.(tsx?|mts|[cm]?js)$/);
  // Tool configs at the top (wxt.config.ts, vitest.*.config.ts) use code too.
  for (const entry of readdirSync(root, { withFileTypes: true }))
    if (entry.isFile() && /\.(ts|mts|[cm]?js)$/.test(entry.name) && !entry.name.endsWith(".d.ts"))
      files.set(entry.name, readFileSync(path.join(root, entry.name), "utf8"));

  const graph = buildGraph(files, { exists: (file) => existsSync(path.join(root, file)), aliases });
  // Files a tool loads by itself and whose exports it reads: WXT's entrypoints, the Worker's main module (its Durable Object class too).
  const workerMain = /^main\s*=\s*"([^"]+)"/m.exec(readFileSync(path.join(root, "wrangler.toml"), "utf8"))?.[1];
  return { graph, isEntry: (file) => file.startsWith("extension/entrypoints/") || file === workerMain };
}

/** Files a tool writes, whose opening lines are not ours: the Worker's types, from `wrangler types`. */
const generatedFiles = new Set(["worker/worker-configuration.d.ts"]);

/** Our .ts and .tsx files under `root`, declarations included but not generated ones, by path, with their text. */
export function readSources(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    if (!existsSync(path.join(root, folder))) return;
    for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
      const file = `${folder}${entry.name}`;
      if (entry.isDirectory() && !skippedFolders.has(entry.name) && !entry.name.startsWith(".")) walk(`${file}/`);
      else if (entry.isFile() && /\.tsx?$/.test(entry.name) && !generatedFiles.has(file))
        files.set(file, readFileSync(path.join(root, file), "utf8"));
    }
  };
  for (const folder of sourceFolders) walk(folder);
  return files;
}

/** Files whose first non-blank line is not a comment (`//` or `/*`): each should open by saying what it is for. */
export function filesWithoutOpeningComment(files: ReadonlyMap<string, string>): string[] {
  return [...files]
    .filter(([, text]) => !/^\s*(\/\/|\/\*)/.test(text))
    .map(([file]) => file)
    .sort();
}

/** Every import cycle among our files, as "a.ts -> b.ts -type-> a.ts" (`-type->` for an `import type`). */
export function importCycles(graph: ModuleGraph): string[] {
  return findCycles(graph, isSource).map((cycle) =>
    cycle
      .map((file, k) => {
        if (k === 0) return file;
        const edges = (graph.edges.get(cycle[k - 1]) ?? []).filter((edge) => fileOf(edge) === file);
        return `${edges.every((edge) => edge.typeOnly) ? "-type->" : "->"} ${file}`;
      })
      .join(" "),
  );
}

/**
 * What the page-start script bundles that it must not: Preact, zod, or the panel's, options',
 * background's or store's code. Type-only imports are erased at build time, so only run-time
 * imports count (common/ask.ts names the store's SyncStatus type, and shared/ types built with
 * zod, at no cost). Today's script bundles none of these, so nothing is let through.
 */
export function pageStartLeaks(graph: ModuleGraph): string[] {
  const forbidden = (target: Target) =>
    packageNamed("preact", "zod")(target) ||
    fileUnder("extension/panel/", "extension/options/", "extension/background/", "extension/store/")(target);
  return forbiddenReach(graph, pageStart, forbidden, atRunTime).map(({ target, chain }) => [...chain, target].join(" -> "));
}

/** Imports from shared/ of anything but shared/ and zod: the Worker and every room import shared/, which must stay pure. */
export function sharedLeaks(graph: ModuleGraph): string[] {
  return forbiddenImports(
    graph,
    (file) => file.startsWith("shared/"),
    (target) => !(fileUnder("shared/")(target) || packageNamed("zod")(target)),
  );
}

/** Imports that cross a room's wall (see `rooms`), with the chain of files when the crossing is indirect. */
export function roomLeaks(graph: ModuleGraph): string[] {
  const lines = new Set<string>();
  for (const room of rooms) {
    const isInRoom = (file: string) => file.startsWith(room.files);
    const forbidden = fileUnder(...room.mayNotImport);
    for (const line of forbiddenImports(graph, isInRoom, forbidden)) lines.add(`${line}  (${room.why})`);
    for (const file of [...graph.modules.keys()].filter(isInRoom))
      for (const { target, chain } of forbiddenReach(graph, file, forbidden, atRunTime))
        lines.add(`${[...chain, target].join(" -> ")}  (${room.why})`);
  }
  return [...lines].sort();
}

/** Exports of our files that no other file imports, as "path: name". */
export function unusedExportsOf(graph: ModuleGraph, isEntry: (file: string) => boolean): string[] {
  return unusedExports(graph, isSource, isEntry);
}
