// npm start: Liaison on this machine. The sync API on an embedded, migrated D1 at
// http://127.0.0.1:8787 (PORT overrides), and the Chrome extension built into .output/chrome-mv3.
import path from "node:path";
import { buildExtension, root, startApi } from "./server.mjs";

const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}"`);
  process.exit(1);
}

console.log("Building the Chrome extension…");
await buildExtension("chrome", { quiet: true }).catch((error) => {
  console.error(error.message);
  process.exit(1);
});

console.log("Starting the sync API on a local D1…");
const api = await startApi({ port, persistTo: path.join(root, ".wrangler", "state") }).catch((error) => {
  console.error(error.message);
  process.exit(1);
});

const extensionDir = path.join(root, ".output", "chrome-mv3");
console.log(`
Liaison is running.

  Sync API   ${api.url}  (data in .wrangler/state; stop with Ctrl-C)
  Extension  ${extensionDir}

Load the extension in Chrome: open chrome://extensions, turn on Developer mode, press
"Load unpacked" and pick the folder above.

Join: open Liaison's options (right-click its toolbar icon > Options). Keep the server URL
${api.url}, type your name and department, then "Create workspace". As admin, press
"Create invite code" and give the code to teammates; they enter it under "Invite code" and
press "Join workspace".
`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping Liaison…");
  await api.stop();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
api.exited.then((code) => {
  if (!stopping) {
    console.error(`The sync API stopped unexpectedly (${code}).`);
    process.exit(1);
  }
});
