// The Worker's main module: the HTTP app, the nightly purge, the hourly chat notices, the channels' queue and the workspaces' live rooms (Durable Objects).
import { app } from "./app";
import { type ChannelQueueMessage, consumeChannelQueue } from "./channels/queue";
import { sendScheduledNotices } from "./channels/schedule";
import { purgeExpired } from "./maintenance";

export { WorkspaceRoom } from "./live/workspace-room";

/** The nightly purge's schedule in wrangler.toml; the other one is the hourly chat notices. */
const purgeCron = "17 3 * * *";

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    if (controller.cron === purgeCron) ctx.waitUntil(purgeExpired(env.DB));
    else ctx.waitUntil(sendScheduledNotices(env, new Date(controller.scheduledTime)));
  },
  async queue(batch, env) {
    await consumeChannelQueue(batch as MessageBatch<ChannelQueueMessage>, env);
  },
} satisfies ExportedHandler<Env, ChannelQueueMessage>;
