// Sync API benchmark against the local Worker on a local D1. Prints pushes per second, push
// latency with 1, 10 and 50 members pushing to one workspace at once (errors counted, every
// accepted change checked to be there exactly once), pull latency for 500-change pages next to a trivial route, a 10,000-change initial sync, rows read
// per pull and the pull's query plan; then grows the database to a million rows across a
// thousand workspaces (seeded inside SQLite, not over HTTP), restarts the Worker and measures
// again. Both databases are measured on a freshly started Worker, so that they compare alike.
// The Worker runs in workerd through Miniflare, with the bindings of wrangler.toml;
// `-- --wrangler-dev` measures through `wrangler dev` (as `npm start` runs it) instead, whose
// Node proxy adds a few milliseconds to each large response.   Run: npm run bench:sync
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, run, startApi } from "../scripts/server.mjs";
import { changePageSql } from "../worker/db/change-page";
import { percentile } from "./stats";
import { startWorkerDirect } from "./worker-direct";

const wrangler = path.join(import.meta.dirname, "..", "node_modules", ".bin", "wrangler");

interface Member {
  token: string;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await fn();
  return [performance.now() - started, value];
}

async function json(url: string, init: RequestInit = {}) {
  const response = await fetch(url, init);
  const body = await response.json();
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${url}: ${response.status} ${JSON.stringify(body)}`);
  return { body, headers: response.headers };
}

async function setUp(url: string, members: number) {
  const created = await json(`${url}/v1/workspaces`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: "Bench", member: { name: "Bench Admin", department: "Product" } }),
  });
  const team: Member[] = [{ token: created.body.token }];
  const auth = (token: string) => ({ Authorization: `Bearer ${token}`, "Content-Type": "application/json" });
  const invite = await json(`${url}/v1/invites`, { method: "POST", headers: auth(team[0].token), body: JSON.stringify({ maxUses: 50 }) });
  for (let i = 1; i < members; i++) {
    const joined = await json(`${url}/v1/join`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ code: invite.body.code, name: `Member ${i}`, department: "Engineering" }),
    });
    team.push({ token: joined.body.token });
  }
  return { workspaceId: created.body.workspace.id as string, team };
}

async function pushItems(url: string, team: Member[], count: number) {
  const batches = Math.ceil(count / 100);
  const [elapsed] = await timed(async () => {
    for (let b = 0; b < batches; b++) {
      const mutations = Array.from({ length: 100 }, (_, i) => ({
        id: `bench-m-${b}-${i}-${Date.now().toString(36)}`,
        entity: "action_item",
        entityId: `bench-item-${b}-${i}`,
        op: "upsert",
        fields: { text: `Benchmark item ${b * 100 + i}`, department: "Engineering", due: "2026-12-01", targets: [`github:acme/app#${b}`] },
      }));
      await json(`${url}/v1/sync/push`, {
        method: "POST",
        headers: { Authorization: `Bearer ${team[b % team.length].token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ clientId: "bench-client", mutations }),
      });
    }
  });
  return { pushesPerSecond: batches / (elapsed / 1000), mutationsPerSecond: (batches * 100) / (elapsed / 1000) };
}

/**
 * `writers` members of one workspace push at the same moment, `rounds` pushes of 10 new action
 * items each; then one pull checks that every accepted item is there, once.
 */
async function contention(url: string, team: Member[], writers: number, rounds: number) {
  const latencies: number[] = [];
  const failures = new Map<number, number>();
  const accepted = new Set<string>();
  const run = `w${writers}-${Date.now().toString(36)}`;
  await Promise.all(
    team.slice(0, writers).map(async (member, writer) => {
      for (let round = 0; round < rounds; round++) {
        const mutations = Array.from({ length: 10 }, (_, i) => ({
          id: `bench-c-${run}-${writer}-${round}-${i}`,
          entity: "action_item",
          entityId: `bench-c-${run}-${writer}-${round}-${i}`,
          op: "upsert",
          fields: { text: `Contended item ${writer}.${round}.${i}`, department: "Engineering" },
        }));
        const [elapsed, outcome] = await timed(async () => {
          try {
            const response = await fetch(`${url}/v1/sync/push`, {
              method: "POST",
              headers: { Authorization: `Bearer ${member.token}`, "Content-Type": "application/json" },
              body: JSON.stringify({ clientId: `bench-writer-${writer}`, mutations }),
            });
            return { status: response.status, body: (await response.json()) as { results?: Array<{ status: string }> } };
          } catch {
            return { status: 0, body: {} };
          }
        });
        latencies.push(elapsed);
        const { status, body } = outcome;
        if (status !== 200) failures.set(status, (failures.get(status) ?? 0) + 1);
        else for (const [i, result] of (body.results ?? []).entries()) if (result.status === "applied") accepted.add(mutations[i].entityId);
      }
    }),
  );
  // Every accepted item is in the workspace, once.
  const seen = new Map<string, number>();
  for (let cursor = 0; ; ) {
    const page = await json(`${url}/v1/sync/pull?since=${cursor}&limit=1000`, { headers: { Authorization: `Bearer ${team[0].token}` } });
    for (const change of page.body.changes as Array<{ id: string }>)
      if (change.id.startsWith(`bench-c-${run}-`)) seen.set(change.id, (seen.get(change.id) ?? 0) + 1);
    cursor = page.body.cursor;
    if (!page.body.more) break;
  }
  const lost = [...accepted].filter((id) => seen.get(id) !== 1).length;
  const errors = [...failures].map(([status, count]) => `${count} x ${status || "connection reset"}`).join(", ") || "none";
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    pushes: latencies.length,
    errors,
    accepted: accepted.size,
    lost,
  };
}

/** Writers pushing at once, each a member of their own: a workspace of 51 (the admin and 50 invited). */
async function reportContention(url: string) {
  const crowd = await setUp(url, 51);
  console.log("  concurrent writers, one workspace, 10 mutations a push:");
  for (const writers of [1, 10, 50]) {
    const figures = await contention(url, crowd.team, writers, writers === 1 ? 40 : 8);
    console.log(
      `    ${String(writers).padStart(2)} at once   push p50 ${ms(figures.p50)}  p95 ${ms(figures.p95)}  (${figures.pushes} pushes; errors: ${figures.errors}; ${figures.accepted} changes accepted, ${figures.lost} missing or doubled)`,
    );
  }
}

async function measure(url: string, team: Member[], seq: number) {
  const trivial: number[] = [];
  for (let i = 0; i < 300; i++) trivial.push((await timed(() => fetch(`${url}/health`).then((r) => r.text())))[0]);

  // Warm-up, not measured: the first requests after a restart or a burst of pushes run cold code.
  for (let i = 0; i < 30; i++) {
    const since = Math.floor(Math.random() * (seq - 500));
    await json(`${url}/v1/sync/pull?since=${since}&limit=500`, { headers: { Authorization: `Bearer ${team[i % team.length].token}` } });
  }
  const pull: number[] = [];
  let worstExtraRows = 0;
  for (let i = 0; i < 240; i++) {
    const since = Math.floor(Math.random() * (seq - 500));
    const token = team[i % team.length].token;
    const [elapsed, page] = await timed(() =>
      json(`${url}/v1/sync/pull?since=${since}&limit=500`, { headers: { Authorization: `Bearer ${token}` } }),
    );
    pull.push(elapsed);
    const rowsRead = Number(/rows_read=(\d+)/.exec(page.headers.get("Server-Timing") ?? "")?.[1] ?? Number.NaN);
    worstExtraRows = Math.max(worstExtraRows, rowsRead - page.body.changes.length);
  }

  const initialSync: number[] = [];
  for (let run = 0; run < 5; run++) {
    const token = team[run % team.length].token;
    const [elapsed, total] = await timed(async () => {
      let cursor = 0;
      let received = 0;
      for (;;) {
        const page = await json(`${url}/v1/sync/pull?since=${cursor}&limit=1000`, { headers: { Authorization: `Bearer ${token}` } });
        received += page.body.changes.length;
        cursor = page.body.cursor;
        if (!page.body.more) return received;
      }
    });
    if (total !== seq) throw new Error(`initial sync received ${total} changes, expected ${seq}`);
    initialSync.push(elapsed);
  }
  return {
    trivialP50: percentile(trivial, 50),
    trivialP95: percentile(trivial, 95),
    pullP50: percentile(pull, 50),
    pullP95: percentile(pull, 95),
    pullP99: percentile(pull, 99),
    worstExtraRows,
    initialSync: percentile(initialSync, 50),
  };
}

async function queryPlan(persistTo: string, workspaceId: string) {
  // The pull's own query (worker/db/entities.ts), from a member's token hash.
  const tokenHash = `(SELECT token_hash FROM members WHERE workspace_id = '${workspaceId}' LIMIT 1)`;
  const sql = `EXPLAIN QUERY PLAN ${changePageSql.replaceAll("?1", tokenHash).replaceAll("?2", "100").replaceAll("?3", "500")}`;
  const output = await run(wrangler, ["d1", "execute", "DB", "--local", "--persist-to", persistTo, "--json", "--command", sql], {
    quiet: true,
  });
  const parsed = JSON.parse(output.slice(output.indexOf("["))) as Array<{ results: Array<{ detail: string }> }>;
  return parsed[0].results.map((r) => r.detail).join("; ");
}

async function growDatabase(persistTo: string, rows: number, workspaces: number) {
  const file = path.join(persistTo, "seed.sql");
  const perStatement = 200_000;
  const statements = [
    `INSERT INTO workspaces (id, name, seq, created_at) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${workspaces}) SELECT 'grown-ws-' || i, 'Grown ' || i, ${Math.ceil(rows / workspaces)}, '2026-01-01T00:00:00Z' FROM n;`,
  ];
  for (let from = 0; from < rows; from += perStatement) {
    statements.push(
      `INSERT INTO entities (workspace_id, entity, id, version, deleted, data, created_by, created_at, updated_by, updated_at) WITH RECURSIVE n(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM n WHERE i < ${Math.min(rows, from + perStatement) - 1}) SELECT 'grown-ws-' || (i % ${workspaces} + 1), 'action_item', 'grown-' || i, i / ${workspaces} + 1, 0, '{"text":"Grown item ' || i || '","owner":null,"ownerId":null,"department":"Engineering","due":"2026-12-01","status":"open","priority":"medium","targets":[],"source":null,"meeting":null}', 'm', '2026-01-01T00:00:00Z', 'm', '2026-01-01T00:00:00Z' FROM n;`,
    );
  }
  await writeFile(file, statements.join("\n"));
  await run(wrangler, ["d1", "execute", "DB", "--local", "--persist-to", persistTo, "--file", file], { quiet: true });
}

function report(label: string, figures: Awaited<ReturnType<typeof measure>>) {
  console.log(`\n${label}`);
  console.log(`  trivial route (GET /health)     p50 ${ms(figures.trivialP50)}  p95 ${ms(figures.trivialP95)}`);
  console.log(
    `  pull, 500 changes               p50 ${ms(figures.pullP50)}  p95 ${ms(figures.pullP95)}  p99 ${ms(figures.pullP99)}  (p50 ${(figures.pullP50 / figures.trivialP50).toFixed(1)}x trivial)`,
  );
  console.log(`  rows read beyond rows returned  at most ${figures.worstExtraRows} per pull`);
  console.log(`  initial sync, 10,000 changes    ${ms(figures.initialSync)} (median of 5)`);
}

const throughWranglerDev = process.argv.includes("--wrangler-dev");
const persistTo = await mkdtemp(path.join(tmpdir(), "liaison-bench-"));
const startWorker = async () =>
  throughWranglerDev
    ? startApi({ port: await freePort(), persistTo, quiet: true, inspectorPort: await freePort() })
    : startWorkerDirect(persistTo);
let api = await startWorker();
try {
  if (process.argv.includes("--contention")) {
    console.log(`Liaison sync API, concurrent writers only (${throughWranglerDev ? "wrangler dev" : "workerd via Miniflare"}, local D1)`);
    await reportContention(api.url);
    process.exit(0);
  }
  const { workspaceId, team } = await setUp(api.url, 5);
  const pushes = await pushItems(api.url, team, 10_000);
  console.log(`Liaison sync API benchmark (${throughWranglerDev ? "wrangler dev" : "workerd via Miniflare"}, local D1, loopback)`);
  console.log(
    `  push, 100 mutations a request   ${pushes.pushesPerSecond.toFixed(1)} pushes/s (${Math.round(pushes.mutationsPerSecond)} mutations/s)`,
  );
  await reportContention(api.url);
  // Shown, not judged: the same isolate that just took the 10,000 pushes, heap and all.
  const afterPushes = await measure(api.url, team, 10_000);
  console.log(
    `  pull right after the pushes     p50 ${ms(afterPushes.pullP50)}  p95 ${ms(afterPushes.pullP95)}  p99 ${ms(afterPushes.pullP99)} (same Worker process)`,
  );
  // Both databases are measured alike: on a Worker started fresh over them.
  await api.stop();
  api = await startWorker();
  const small = await measure(api.url, team, 10_000);
  report("Database with 10,000 changes (one workspace), Worker restarted", small);
  console.log(`  query plan                      ${await queryPlan(persistTo, workspaceId)}`);

  await api.stop();
  const [seedMs] = await timed(() => growDatabase(persistTo, 1_000_000, 1000));
  api = await startWorker();
  const large = await measure(api.url, team, 10_000);
  report(`Database with 1,010,000 changes across 1,001 workspaces (seeded in ${(seedMs / 1000).toFixed(0)} s)`, large);
  console.log(`  query plan                      ${await queryPlan(persistTo, workspaceId)}`);

  const growth = large.pullP95 / small.pullP95;
  console.log("\nTargets");
  console.log(
    `  pull of 500 changes p95 <= 25 ms        ${ms(Math.max(small.pullP95, large.pullP95))}  ${Math.max(small.pullP95, large.pullP95) <= 25 ? "met" : "MISSED"}`,
  );
  console.log(
    `  10,000-change initial sync <= 300 ms    ${ms(Math.max(small.initialSync, large.initialSync))}  ${Math.max(small.initialSync, large.initialSync) <= 300 ? "met" : "MISSED"}`,
  );
  console.log(`  pull p95 growth 10k -> 1M rows <= 1.5x  ${growth.toFixed(2)}x  ${growth <= 1.5 ? "met" : "MISSED"}`);
  console.log(`  rows scanned <= returned + small const  +${Math.max(small.worstExtraRows, large.worstExtraRows)}`);
} finally {
  await api.stop();
  await rm(persistTo, { recursive: true, force: true });
}
