// Stands in for the "server-only" package outside Next.js (vitest.config.ts, tsconfig.dev.json, scripts/build-server.mjs).
