// Team chat channels benchmark against `wrangler dev` (as `npm start` runs it), with a local receiver standing in for the
// chat platforms: with 50 channels in one workspace, the latency of a push that triggers events (an action item
// assigned, which every channel is sent) next to one that does not (an unassigned item), interleaved; then how long the
// last triggering push's 50 deliveries took to arrive through the local queue. Pushes come in pairs every 2 s. Delivery is off the push's path, so the
// two latencies should match, first with the queue idle at each push, then with deliveries running alongside (which
// under wrangler dev share the Worker's one process and local D1 with the pushes).   Run: npm run bench:channels
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, startApi } from "../scripts/server.mjs";
import { median, percentile } from "./stats";

const channelCount = 50;
const rounds = 30;
const quietRounds = 15;
const settleMs = 1500;
const warmup = 3;
/** Each pair of pushes starts this long after the one before, as members' pushes come, so that deliveries keep pace. */
const pairEveryMs = 2000;
/** How long the stand-in receiver takes to answer, as a chat platform across the internet might. */
const receiverDelayMs = 150;

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function json(url: string, init: RequestInit = {}) {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${url}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** A local receiver: counts deliveries per action item, answering after a short delay. */
async function startReceiver() {
  const arrivals = new Map<string, number[]>();
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      try {
        for (const event of JSON.parse(body).events ?? []) arrivals.set(event.id, [...(arrivals.get(event.id) ?? []), performance.now()]);
      } catch {}
      setTimeout(() => response.end("ok"), receiverDelayMs);
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${port}/hook`, arrivals, stop: () => new Promise((resolve) => server.close(resolve)) };
}

async function main() {
  const receiver = await startReceiver();
  const persistTo = await mkdtemp(path.join(tmpdir(), "liaison-bench-channels-"));
  const api = await startApi({
    port: await freePort(),
    persistTo,
    quiet: process.env.BENCH_VERBOSE !== "1",
    inspectorPort: await freePort(),
  });
  try {
    const created = await json(`${api.url}/v1/workspaces`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Bench", member: { name: "Bench Admin", department: "Engineering" } }),
    });
    const headers = { Authorization: `Bearer ${created.token}`, "Content-Type": "application/json" };
    let n = 0;
    const push = async (assigned: boolean) => {
      const id = `bench${String(n++).padStart(6, "0")}`;
      const fields = { text: `Bench item ${id}`, department: "Engineering", ...(assigned ? { owner: "Bench Admin" } : {}) };
      const started = performance.now();
      await json(`${api.url}/v1/sync/push`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          clientId: "bench-client",
          mutations: [{ id: `m-${id}`, entity: "action_item", entityId: id, op: "upsert", fields }],
        }),
      });
      return { id, elapsed: performance.now() - started, sentAt: started };
    };
    // For scale: pushes before the workspace has any channel, with no queue work going on.
    const baseline: number[] = [];
    for (let i = 0; i < rounds; i++) baseline.push((await push(false)).elapsed);
    for (let i = 0; i < channelCount; i++) {
      await json(`${api.url}/v1/channels`, {
        method: "POST",
        headers,
        body: JSON.stringify({ name: `Channel ${i + 1}`, platform: "webhook", url: receiver.url, secret: `bench-secret-${i}` }),
      });
    }
    for (let i = 0; i < warmup; i++) {
      await push(true);
      await push(false);
    }
    const received = () => [...receiver.arrivals.values()].reduce((sum, list) => sum + list.length, 0);
    const delivered = async (id: string) => {
      const until = Date.now() + 60_000;
      while ((receiver.arrivals.get(id)?.length ?? 0) < channelCount && Date.now() < until)
        await new Promise((resolve) => setTimeout(resolve, 50));
      return receiver.arrivals.get(id) ?? [];
    };
    // First with the queue idle at each push: a triggering push's 50 deliveries are awaited before the next push,
    // so that the figures say what the push's own path costs.
    const quietWith: number[] = [];
    const quietWithout: number[] = [];
    const firstArrivals: number[] = [];
    const allArrived: number[] = [];
    for (let i = 0; i < quietRounds; i++) {
      const triggering = await push(true);
      quietWith.push(triggering.elapsed);
      const arrivals = await delivered(triggering.id);
      firstArrivals.push(Math.min(...arrivals) - triggering.sentAt);
      allArrived.push(Math.max(...arrivals) - triggering.sentAt);
      // The consumer finishes its batch (acks, the channels' delivery times) before the next push.
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      quietWithout.push((await push(false)).elapsed);
      await new Promise((resolve) => setTimeout(resolve, settleMs));
    }
    // Then under load: the deliveries of earlier pushes run (in the same local workerd process) while later pushes come.
    const withEvents: number[] = [];
    const without: number[] = [];
    let last = { id: "", elapsed: 0, sentAt: 0 };
    for (let i = 0; i < rounds; i++) {
      const pairStarted = performance.now();
      // Interleaved, and in alternating order, so that drift over the run weighs on both alike.
      if (i % 2 === 0) {
        last = await push(true);
        withEvents.push(last.elapsed);
        without.push((await push(false)).elapsed);
      } else {
        without.push((await push(false)).elapsed);
        last = await push(true);
        withEvents.push(last.elapsed);
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, pairEveryMs - (performance.now() - pairStarted))));
    }
    const deadline = Date.now() + 120_000;
    const expected = (rounds + warmup + quietRounds) * channelCount;
    while (((receiver.arrivals.get(last.id)?.length ?? 0) < channelCount || received() < expected) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const arrived = receiver.arrivals.get(last.id) ?? [];
    const total = received();
    const line = (label: string, samples: number[]) =>
      console.log(`    ${label.padEnd(52)} median ${ms(median(samples))}, p95 ${ms(percentile(samples, 95))}`);
    console.log(`Team chat channels: ${channelCount} webhook channels in one workspace, through wrangler dev`);
    console.log(`  the queue idle at each push (${quietRounds} pushes each):`);
    line("push that triggers events (action item assigned):", quietWith);
    line("push that triggers none (unassigned item):", quietWithout);
    line("  its 50 deliveries: the first arrived after", firstArrivals);
    line("  its 50 deliveries: the last arrived after", allArrived);
    console.log(`  under delivery load (${rounds} pushes each, interleaved, a pair every ${pairEveryMs / 1000} s):`);
    line("push that triggers events:", withEvents);
    line("push that triggers none:", without);
    line("for scale, before any channel existed:", baseline);
    console.log(
      `    the last triggering push: ${arrived.length}/${channelCount} deliveries arrived, the last ${arrived.length > 0 ? ms(Math.max(...arrived) - last.sentAt) : "never"} after it was sent`,
    );
    console.log(`  deliveries received in all: ${total} of ${expected}`);
  } catch (error) {
    console.error(api.output().slice(-4000));
    throw error;
  } finally {
    await api.stop();
    await receiver.stop();
    await rm(persistTo, { recursive: true, force: true });
  }
}

await main();
