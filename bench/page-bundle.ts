// A bench's in-page script, bundled with esbuild into one script Chromium runs as it is (no extension build).
import path from "node:path";
import { build } from "esbuild";

/** Bundles `bench/<file>` and what it imports into one browser script. */
export async function bundlePageScript(file: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, file)],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "chrome120",
  });
  return result.outputFiles[0].text;
}
