import type { NextConfig } from "next";

// On every response of the dashboard, static files included. The Content-Security-Policy needs a
// nonce per response, so proxy.ts sets it on pages.
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" }, // for browsers without CSP frame-ancestors
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];

const nextConfig: NextConfig = {
  // PGlite ships WASM + data files that must be loaded from node_modules, not bundled.
  // rate-limiter-flexible imports its store's driver (drizzle-orm) at run time by a computed name,
  // which a bundler cannot follow; ioredis is its Redis client.
  serverExternalPackages: ["@electric-sql/pglite", "rate-limiter-flexible", "ioredis"],
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // An invitation's URL holds its token: no link on that page may pass it on (later entries win).
      { source: "/invite/:token*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
};

export default nextConfig;
