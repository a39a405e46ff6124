import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, startApi } from "../../../scripts/server.mjs";

/** The Worker started the way `npm start` starts it, on a fresh local D1 and a free port. */
export async function startTestApi() {
  const persistTo = await mkdtemp(path.join(tmpdir(), "liaison-d1-"));
  const port = await freePort();
  const api = (await startApi({ port, persistTo, quiet: true, inspectorPort: await freePort() })) as { url: string; stop(): Promise<void> };
  return {
    url: api.url,
    async stop() {
      await api.stop();
      await rm(persistTo, { recursive: true, force: true });
    },
  };
}
