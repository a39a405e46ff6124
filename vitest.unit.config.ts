import { defineConfig } from "vitest/config";
import { WxtVitest } from "wxt/testing/vitest-plugin";

// Unit and component tests: pure shared rules, the local store, Preact components in happy-dom, and the code's structure.
export default defineConfig({
  plugins: [WxtVitest()],
  // Component tests look inside the in-page UI, as the test build of the extension lets them.
  define: { __LIAISON_OPEN_SHADOW_ROOTS__: "true" },
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  test: {
    name: "unit",
    include: ["test/shared/**/*.test.ts", "test/extension/**/*.test.{ts,tsx}", "test/structure/**/*.test.ts"],
    environment: "happy-dom",
    setupFiles: ["test/extension/setup.ts"],
  },
});
