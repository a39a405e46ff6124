// The two Chrome builds the end-to-end tests load: the release build users get (closed shadow
// roots), kept in .output/release-chrome-mv3, and the build for black-box tests (open shadow
// roots, LIAISON_OPEN_SHADOW_ROOTS=1) in .output/chrome-mv3, where `npm start` also builds.
import { cp, rm } from "node:fs/promises";
import path from "node:path";
import { buildExtension, quietEnv, releaseExtensionDir, root } from "./server.mjs";

const built = path.join(root, ".output", "chrome-mv3");
await buildExtension("chrome", { quiet: true, env: { ...quietEnv, LIAISON_OPEN_SHADOW_ROOTS: "" } });
await rm(releaseExtensionDir, { recursive: true, force: true });
await cp(built, releaseExtensionDir, { recursive: true });
await buildExtension("chrome", { quiet: true, env: { ...quietEnv, LIAISON_OPEN_SHADOW_ROOTS: "1" } });
console.log(`Built the release extension into ${path.relative(root, releaseExtensionDir)} and the test build into .output/chrome-mv3`);
