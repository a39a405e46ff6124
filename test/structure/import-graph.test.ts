// The import reader and graph questions behind the structure test, on source text held in memory.
import { describe, expect, it } from "vitest";
import {
  buildGraph,
  findCycles,
  forbiddenReach,
  type ImportRef,
  packageNamed,
  parseModule,
  unresolvedImports,
  unusedExports,
} from "./import-graph";

const imported = (refs: ImportRef[]) =>
  refs.map((ref) => ({ specifier: ref.specifier, typeOnly: ref.typeOnly, names: [...ref.names].sort(), all: ref.all }));

describe("reading a module's imports", () => {
  it("reads every import form, and which names each takes", () => {
    const source = `
      import defaultThing, { a, b as bee } from "./named";
      import type { T } from "./types";
      import { type U, type V } from "./all-typed";
      import { type W, x } from "./some-typed";
      import * as ns from "./namespace";
      import "./side-effect.css";
      import css from "./overlay.css?inline";
      const lazy = () => import("./lazy");
      const { first, second: renamed } = await import("./destructured");
      let context: import("./type-reference").Session | null = null;
      export { reexported, original as alias } from "./re-exported";
      export type { Shape } from "./re-exported-type";
      export * from "./barrel-part";
      export * as parts from "./parts";
      ns.one(); ns.two;
    `;
    expect(imported(parseModule(source).imports)).toEqual([
      { specifier: "./named", typeOnly: false, names: ["a", "b", "default"], all: false },
      { specifier: "./types", typeOnly: true, names: ["T"], all: false },
      { specifier: "./all-typed", typeOnly: true, names: ["U", "V"], all: false },
      { specifier: "./some-typed", typeOnly: false, names: ["W", "x"], all: false },
      { specifier: "./namespace", typeOnly: false, names: ["one", "two"], all: false },
      { specifier: "./side-effect.css", typeOnly: false, names: [], all: false },
      { specifier: "./overlay.css?inline", typeOnly: false, names: ["default"], all: false },
      { specifier: "./lazy", typeOnly: false, names: [], all: true },
      { specifier: "./destructured", typeOnly: false, names: ["first", "second"], all: false },
      { specifier: "./type-reference", typeOnly: true, names: ["Session"], all: false },
      { specifier: "./re-exported", typeOnly: false, names: ["original", "reexported"], all: false },
      { specifier: "./re-exported-type", typeOnly: true, names: ["Shape"], all: false },
      { specifier: "./parts", typeOnly: false, names: [], all: true },
    ]);
    expect(parseModule(source).exportsAllFrom).toEqual(["./barrel-part"]);
  });

  it("takes a whole namespace when it is used other than by its members", () => {
    expect(imported(parseModule('import * as all from "./x";\nconsole.log(all);').imports)[0].all).toBe(true);
  });

  it("ignores import-like text in comments, strings, templates, regular expressions and JSX text", () => {
    const source = `
      // import { a } from "./line-comment";
      /* import "./block-comment"; */
      const s = 'import { b } from "./single-quoted"';
      const d = "export * from './double-quoted'";
      const t = \`import("./template") \${ratio / 2} import "./template-tail"\`;
      const r = /import "\\.\\/regex"/g, q = a / b / c;
      const p = <p>Don't import "./jsx-text" here</p>;
      const o = { import: 1 }.import;
      import { real } from "./real";
    `;
    expect(parseModule(source).imports.map((ref) => ref.specifier)).toEqual(["./real"]);
  });

  it("reads the names a module exports", () => {
    const source = `
      export function f() {}
      export async function g() {}
      export function* h() {}
      export const c = 1;
      export let l = 2;
      export class K {}
      export abstract class A {}
      export type T = string;
      export interface I {}
      export enum E {}
      export const enum CE {}
      export declare const dc: number;
      const local = 1, other = 2;
      export { local, other as renamed };
      export { passed } from "./elsewhere";
      export * from "./star";
      export default K;
    `;
    expect(parseModule(source).exports.sort()).toEqual(
      ["A", "CE", "E", "I", "K", "T", "c", "dc", "default", "f", "g", "h", "l", "local", "passed", "renamed"].sort(),
    );
  });
});

describe("the module graph", () => {
  const graphOf = (files: Record<string, string>, assets: string[] = []) =>
    buildGraph(new Map(Object.entries(files)), { exists: (file) => assets.includes(file), aliases: { "@/": "extension" } });

  it("resolves .ts, .tsx, index.ts, aliases and stylesheets, and names what it cannot find", () => {
    const graph = graphOf(
      {
        "extension/page/start.ts": [
          'import "./plain";',
          'import "./View";',
          'import "../sites";',
          'import "@/ui/i18n";',
          'import "./overlay.css?inline";',
          'import "./missing";',
          'import "preact/hooks";',
          'import "@testing-library/preact";',
        ].join("\n"),
        "extension/page/plain.ts": "",
        "extension/page/View.tsx": "",
        "extension/sites/index.ts": "",
        "extension/ui/i18n.ts": "",
      },
      ["extension/page/overlay.css"],
    );
    expect(graph.edges.get("extension/page/start.ts")?.map((edge) => edge.target)).toEqual([
      { file: "extension/page/plain.ts" },
      { file: "extension/page/View.tsx" },
      { file: "extension/sites/index.ts" },
      { file: "extension/ui/i18n.ts" },
      { asset: "extension/page/overlay.css" },
      { unresolved: "extension/page/missing" },
      { package: "preact" },
      { package: "@testing-library/preact" },
    ]);
    expect(unresolvedImports(graph)).toEqual(['extension/page/start.ts: "./missing"']);
  });

  it("finds each knot of files that import one another, through type imports or onto itself, and none in a diamond", () => {
    const graph = graphOf({
      "a.ts": 'import type { B } from "./b";',
      "b.ts": 'import { c } from "./c";',
      "c.ts": 'import { a } from "./a";\nimport { b } from "./b";',
      "self.ts": 'import { me } from "./self";',
      "top.ts": 'import "./left";\nimport "./right";',
      "left.ts": 'import "./bottom";',
      "right.ts": 'import "./bottom";',
      "bottom.ts": "",
    });
    expect(findCycles(graph)).toEqual([
      ["a.ts", "b.ts", "c.ts", "a.ts"],
      ["self.ts", "self.ts"],
    ]);
  });

  it("follows run-time imports only when asked, and names the chain to what it must not reach", () => {
    const graph = graphOf({
      "entry.ts": 'import { x } from "./middle";\nimport type { Y } from "./typed";',
      "middle.ts": 'import { h } from "preact";',
      "typed.ts": 'import { z } from "zod";',
    });
    const preactOrZod = packageNamed("preact", "zod");
    expect(forbiddenReach(graph, "entry.ts", preactOrZod, (edge) => !edge.typeOnly)).toEqual([
      { target: "package preact", chain: ["entry.ts", "middle.ts"] },
    ]);
    expect(forbiddenReach(graph, "entry.ts", preactOrZod).map((found) => found.target)).toEqual(["package preact", "package zod"]);
  });

  it("counts a use through a barrel's `export *` at the module that declares the name", () => {
    const graph = graphOf({
      "lib/index.ts": 'export * from "./one";\nexport * from "./two";\nexport { three } from "./three";',
      "lib/one.ts": "export const used = 1;\nexport const unusedOne = 1;",
      "lib/two.ts": "export type Used = 2;\nexport function unusedTwo() {}",
      "lib/three.ts": "export const three = 3;",
      "lib/four.ts": "export const whole = 4;\nexport const alsoWhole = 4;",
      "app.ts": 'import { used, type Used, three } from "./lib";\nconst four = await import("./lib/four");',
    });
    expect(
      unusedExports(
        graph,
        (file) => file.startsWith("lib/"),
        () => false,
      ),
    ).toEqual(["lib/one.ts: unusedOne", "lib/two.ts: unusedTwo"]);
  });
});
