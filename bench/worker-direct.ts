// Serves the Worker straight from workerd through Miniflare: the same bundle, bindings and
// local D1 as `wrangler dev`, without its Node proxy in front. Long benchmarks use it, as the
// proxy both adds a few milliseconds per large response and was seen to run out of memory
// when gigabytes pass through it.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";
import { migrateLocal, root, run } from "../scripts/server.mjs";

const wrangler = path.join(root, "node_modules", ".bin", "wrangler");

/** Bundles the Worker as `wrangler deploy` would, without deploying it. */
async function bundleWorker(outdir: string): Promise<string> {
  await run(wrangler, ["deploy", "--dry-run", "--outdir", outdir], { quiet: true });
  return path.join(outdir, "index.js");
}

export interface DirectApi {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Migrates the database in `persistTo` (the layout `wrangler dev --persist-to` uses, so both
 * serve and seed the same files) and serves the Worker on a free loopback port.
 */
export async function startWorkerDirect(persistTo: string): Promise<DirectApi> {
  await migrateLocal(persistTo, { quiet: true });
  const outdir = await mkdtemp(path.join(tmpdir(), "liaison-worker-"));
  const scriptPath = await bundleWorker(outdir);
  const { workerOptions } = unstable_getMiniflareWorkerOptions(path.join(root, "wrangler.toml"));
  const miniflare = new Miniflare({
    ...workerOptions,
    modules: true,
    modulesRoot: outdir,
    scriptPath,
    host: "127.0.0.1",
    port: 0,
    d1Persist: path.join(persistTo, "v3", "d1"),
    durableObjectsPersist: path.join(persistTo, "v3", "do"),
  } as ConstructorParameters<typeof Miniflare>[0]);
  const url = (await miniflare.ready).origin;
  return {
    url,
    stop: async () => {
      await miniflare.dispose();
      await rm(outdir, { recursive: true, force: true });
    },
  };
}
