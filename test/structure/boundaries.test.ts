// Holds the code's structure on every test run: no import cycle, each room imports only what it may, no export goes unused,
// and every source file opens with a comment saying what it is for.
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  filesWithoutOpeningComment,
  importCycles,
  pageStart,
  pageStartLeaks,
  readSources,
  readTree,
  roomLeaks,
  sharedLeaks,
  unusedExportsOf,
} from "./boundaries";
import { buildGraph, unresolvedImports } from "./import-graph";

const root = path.resolve(import.meta.dirname, "../..");
const { graph, isEntry } = readTree(root);

describe("the code's structure", () => {
  it("finds every file a relative import names, so that no import goes unseen", () => {
    expect(
      graph.modules.has(pageStart),
      `${pageStart} is gone: point pageStart in test/structure/boundaries.ts at the page-start script`,
    ).toBe(true);
    expect(unresolvedImports(graph), "imports of files that do not exist").toEqual([]);
  });

  it("has no import cycle, counting type imports", () => {
    expect(importCycles(graph), "import cycles: move what both files need into a module both can import").toEqual([]);
  });

  it("keeps the page-start script free of Preact, zod and the panel, options, background and store code", () => {
    expect(pageStartLeaks(graph), "what the page-start script bundles that every tracker page would then load").toEqual([]);
  });

  it("keeps shared/ pure: it imports only shared/ and zod", () => {
    expect(sharedLeaks(graph), "imports from shared/ of code outside it").toEqual([]);
  });

  it("keeps each room to what it may import: pages, the panel, options and the Worker", () => {
    expect(roomLeaks(graph), "imports across a room's wall").toEqual([]);
  });

  it("exports nothing that no other module imports", () => {
    expect(
      unusedExportsOf(graph, isEntry),
      "exports no other module imports: drop the `export` (or the code), or import it where it is meant to be used",
    ).toEqual([]);
  });

  it("every source file opens with a comment saying what it is for", () => {
    const sources = readSources(root);
    expect(sources.has(pageStart), "the source files were not found").toBe(true);
    expect(
      filesWithoutOpeningComment(sources),
      "files that do not open with a comment: add a `// ...` line at the top saying what the file is for",
    ).toEqual([]);
  });
});

// Each rule, broken on purpose in a few files held in memory, must fail.
describe("each structure rule, broken on purpose", () => {
  const graphOf = (files: Record<string, string>) => buildGraph(new Map(Object.entries(files)));

  it("finds a cycle closed by a type import", () => {
    const broken = graphOf({
      "extension/panel/rows.ts": 'import type { Page } from "./list";\nexport interface Row { page: Page }',
      "extension/panel/list.ts":
        'import { type Row } from "./rows";\nexport const page = (rows: Row[]) => rows.length;\nexport type Page = number;',
      "extension/panel/view.ts": 'import { page } from "./list";',
    });
    expect(importCycles(broken)).toEqual(["extension/panel/list.ts -type-> extension/panel/rows.ts -type-> extension/panel/list.ts"]);
  });

  it("finds Preact, zod, and store code bundled into the page-start script, but not a type import", () => {
    const broken = graphOf({
      [pageStart]: 'import { startOverlay } from "../../page/overlay/start-overlay";\nimport type { Db } from "../../store/db";',
      "extension/page/overlay/start-overlay.ts":
        'import { useState } from "preact/hooks";\nimport { ask } from "../../common/ask";\nimport type { VNode } from "preact";',
      "extension/common/ask.ts": 'import { z } from "zod";\nimport { status } from "../store/status";',
      "extension/store/status.ts": "export const status = 1;",
      "extension/store/db.ts": "export type Db = 1;",
    });
    expect(pageStartLeaks(broken).sort()).toEqual([
      `${pageStart} -> extension/page/overlay/start-overlay.ts -> extension/common/ask.ts -> extension/store/status.ts`,
      `${pageStart} -> extension/page/overlay/start-overlay.ts -> extension/common/ask.ts -> package zod`,
      `${pageStart} -> extension/page/overlay/start-overlay.ts -> package preact`,
    ]);
  });

  it("finds shared/ importing the extension, a Node module or a package other than zod", () => {
    const broken = graphOf({
      "shared/rules.ts":
        'import { z } from "zod";\nimport { core } from "zod/v4/core";\nimport { keys } from "./keys";\nimport { t } from "../extension/ui/i18n";\nimport { readFileSync } from "node:fs";\nimport type { Hono } from "hono";',
      "shared/keys.ts": "export const keys = [];",
      "extension/ui/i18n.ts": "export const t = 1;",
    });
    expect(sharedLeaks(broken)).toEqual([
      "shared/rules.ts -> extension/ui/i18n.ts",
      "shared/rules.ts -> package hono",
      "shared/rules.ts -> package node:fs",
    ]);
  });

  it("finds a page naming the store or the background, even through common code, and the Worker naming the extension", () => {
    const broken = graphOf({
      "extension/page/annotations/layer.ts":
        'import type { PageAnnotation } from "../../background/annotations";\nimport { ask } from "../../common/ask";',
      "extension/page/capture/form.tsx": 'import { t } from "../../ui/i18n";',
      "extension/common/ask.ts": 'import { openDb } from "../store/db";',
      "extension/background/annotations.ts": "export interface PageAnnotation { id: string }",
      "extension/store/db.ts": "export const openDb = 1;",
      "extension/ui/i18n.ts": "export const t = 1;",
      "extension/panel/SidePanel.tsx": 'import { layer } from "../page/annotations/layer";',
      "worker/routes/sync.ts": 'import type { Replies } from "../../extension/common/ask";',
    });
    expect(roomLeaks(broken).map((line) => line.replace(/ {2}\(.*\)$/, ""))).toEqual([
      "extension/page/annotations/layer.ts -> extension/background/annotations.ts",
      "extension/page/annotations/layer.ts -> extension/common/ask.ts -> extension/store/db.ts",
      "extension/panel/SidePanel.tsx -> extension/page/annotations/layer.ts",
      "worker/routes/sync.ts -> extension/common/ask.ts",
    ]);
  });

  it("finds an export nobody else imports, while an entrypoint's and a test's imports count as uses", () => {
    const files = {
      "extension/entrypoints/background.ts": 'import { start } from "../background/start";\nexport default start;',
      "extension/background/start.ts": "export const start = () => helper();\nexport function helper() {}\nexport type Unused = 1;",
      "shared/dates.ts": "export const today = () => 1;\nexport const forTests = 2;",
      "test/shared/dates.test.ts": 'import { forTests } from "../../shared/dates";',
    };
    expect(unusedExportsOf(graphOf(files), (file) => file.startsWith("extension/entrypoints/"))).toEqual([
      "extension/background/start.ts: Unused",
      "extension/background/start.ts: helper",
      "shared/dates.ts: today",
    ]);
  });

  it("finds a file that opens with code or with nothing, while blank lines before a comment do not count", () => {
    const files = new Map([
      ["shared/line.ts", "// What this file is for.\nexport const a = 1;"],
      ["shared/block.ts", "\n\n/** What this file is for. */\nexport const b = 1;"],
      ["shared/late.ts", 'import { a } from "./line";\n// Too late to say what the file is for.\nexport const c = a;'],
      ["shared/empty.ts", "\n"],
    ]);
    expect(filesWithoutOpeningComment(files)).toEqual(["shared/empty.ts", "shared/late.ts"]);
  });
});
