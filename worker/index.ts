// The Worker's main module: the HTTP app, the nightly purge and the workspaces' live rooms (Durable Objects).
import { app } from "./app";
import { purgeExpired } from "./maintenance";

export { WorkspaceRoom } from "./live/workspace-room";

export default {
  fetch: app.fetch,
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(purgeExpired(env.DB));
  },
} satisfies ExportedHandler<Env>;
