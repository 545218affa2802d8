// `npm run screenshots`: the README's pictures of the API Credentials page, made against a
// freshly seeded demo database (its own data directory, so it can run beside the e2e tests).
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

export default defineConfig({
  ...base,
  testMatch: "**/*.shot.ts",
  workers: 1,
  use: { ...base.use, viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1, colorScheme: "light" },
  projects: undefined,
  webServer:
    base.webServer && !Array.isArray(base.webServer)
      ? {
          ...base.webServer,
          env: {
            ...base.webServer.env,
            E2E_PGLITE_DATA_DIR: process.env.E2E_PGLITE_DATA_DIR || ".data/screenshots",
            API_BASE_URL: "http://localhost:3000",
          },
        }
      : base.webServer,
});
