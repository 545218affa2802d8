import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM + data files that must be loaded from node_modules, not bundled.
  // rate-limiter-flexible imports its store's driver (drizzle-orm) at run time by a computed name,
  // which a bundler cannot follow; ioredis is its Redis client.
  serverExternalPackages: ["@electric-sql/pglite", "rate-limiter-flexible", "ioredis"],
  poweredByHeader: false,
};

export default nextConfig;
