// Runs Liaison's sync API locally: D1 migrations applied to an embedded database, then
// `wrangler dev` serving the Worker. Used by `npm start` and by the end-to-end tests alike.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);

export const quietEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  NO_UPDATE_NOTIFIER: "1",
};

/** Runs a command to completion; rejects with its output when it fails. */
export function run(command, args, { quiet = false, env = quietEnv } = {}) {
  return new Promise((resolve, reject) => {
    // stdin is not a terminal, so wrangler applies migrations without asking.
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", quiet ? "pipe" : "inherit", quiet ? "pipe" : "inherit"] });
    let output = "";
    child.stdout?.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${path.basename(command)} ${args.join(" ")} exited ${code}\n${output}`)),
    );
  });
}

export function migrateLocal(persistTo, options = {}) {
  return run(bin("wrangler"), ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo], options);
}

export function buildExtension(browser = "chrome", options = {}) {
  return run(bin("wxt"), ["build", "-b", browser], options);
}

/** Where the end-to-end tests find the release build (closed shadow roots), beside the test build in .output/chrome-mv3. */
export const releaseExtensionDir = path.join(root, ".output", "release-chrome-mv3");

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/**
 * Migrates the database in `persistTo` and serves the Worker on 127.0.0.1:`port`.
 * Resolves once /health answers, with the URL and a stop function.
 */
export async function startApi({ port = 8787, persistTo = path.join(root, ".wrangler", "state"), quiet = false, inspectorPort = 0 } = {}) {
  await migrateLocal(persistTo, { quiet });
  const args = [
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--persist-to",
    persistTo,
    "--show-interactive-dev-session=false",
    "--log-level",
    quiet ? "error" : "info",
  ];
  if (inspectorPort) args.push("--inspector-port", String(inspectorPort));
  const child = spawn(bin("wrangler"), args, {
    cwd: root,
    env: quietEnv,
    stdio: ["ignore", quiet ? "pipe" : "inherit", quiet ? "pipe" : "inherit"],
    detached: process.platform !== "win32",
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output = (output + chunk).slice(-20_000);
  });
  child.stderr?.on("data", (chunk) => {
    output = (output + chunk).slice(-20_000);
  });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      // wrangler starts workerd as a child: end the whole group.
      process.kill(-child.pid, "SIGTERM");
    } catch {
      child.kill("SIGTERM");
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    }, 5000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}) before serving:\n${output}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The API did not answer at ${url}/health within 90 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, stop, exited, output: () => output };
}
