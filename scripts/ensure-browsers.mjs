// Finds the browsers the end-to-end tests drive, Chromium and Firefox ESR; on Debian or Ubuntu, as root, installs what is missing.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** The first of these commands on the PATH, or null. */
function onPath(names) {
  for (const name of names) {
    const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();
    if (found) return found;
  }
  return null;
}

export function findChromium() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  return onPath(["chromium", "chromium-browser"]);
}

export function findFirefox() {
  if (process.env.FIREFOX_PATH && existsSync(process.env.FIREFOX_PATH)) return process.env.FIREFOX_PATH;
  return onPath(["firefox-esr", "firefox"]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const missing = [!findChromium() && "chromium", !findFirefox() && "firefox-esr"].filter(Boolean);
  if (missing.length === 0) process.exit(0);
  const canApt = process.getuid?.() === 0 && spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (!canApt) {
    console.error(
      `Missing for the end-to-end tests: ${missing.join(", ")}. Install it (Debian/Ubuntu: sudo apt-get install ${missing.join(" ")}) or set CHROMIUM_PATH / FIREFOX_PATH, then run npm test again.`,
    );
    process.exit(1);
  }
  console.log(`Installing ${missing.join(" and ")} with apt-get…`);
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", ...missing], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (!findChromium() || !findFirefox()) {
    console.error("apt-get finished but a browser binary was not found; set CHROMIUM_PATH or FIREFOX_PATH and run npm test again.");
    process.exit(1);
  }
}
