import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": import.meta.dirname,
      // Outside Next.js the "server-only" marker would throw; tests are server code.
      "server-only": path.join(import.meta.dirname, "scripts/empty-module.js"),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**"],
    environment: "node",
    setupFiles: ["./vitest.setup.ts"],
    // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses: let
    // Vite resolve it (lib/dashboard's face loads Auth.js's configuration).
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
