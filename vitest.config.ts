import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Unit tests run the TypeScript sources; end-to-end tests spawn the built CLI.
    alias: [
      { find: "@photoaudit/core", replacement: src("core") },
      { find: "@photoaudit/rules", replacement: src("rules") },
      { find: "@photoaudit/server", replacement: src("server") },
      // Node loads graphql's CommonJS build for pothos and yoga; sources must get the same copy, not index.mjs,
      // or graphql refuses types "from another module or realm".
      { find: /^graphql$/, replacement: "graphql/index.js" },
    ],
  },
  test: {
    include: ["packages/*/src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
