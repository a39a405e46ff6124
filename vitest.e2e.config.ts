import { defineConfig } from "vitest/config";

// End to end: the built extension in real Chromium against the Worker on a local D1.
export default defineConfig({
  test: {
    name: "e2e",
    include: ["test/e2e/**/*.test.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
