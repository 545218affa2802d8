// GET /v1/openapi.json (the OpenAPI 3.1 document, generated from the routes) and GET /v1/docs (an
// interactive reference rendered from it by Scalar, with "Try it" taking a token). Public and
// cacheable. Scalar's browser bundle is served from node_modules, not a CDN: the reference works
// without outside network and no third party sees who reads it.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { Scalar } from "@scalar/hono-api-reference";
import type { Context } from "hono";
import type { ApiEnv } from "../context";
import { PUBLIC, responses } from "../openapi";

const CACHEABLE = { "cache-control": "public, max-age=300" };
export const SCALAR_BUNDLE_PATH = "/docs/scalar.js";

/** The server URL of the document: API_BASE_URL, or the origin the request came to. */
function serverUrlOf(c: Context): string {
  const configured = process.env.API_BASE_URL?.trim();
  return configured ? configured.replace(/\/+$/, "") : new URL(c.req.url).origin;
}

/** Scalar's single-file browser bundle, read once and gzipped once (about 4.8 MB, 1.4 MB gzipped). */
let bundle: Promise<{ plain: Buffer; gzipped: Buffer }> | undefined;
function scalarBundle() {
  bundle ??= (async () => {
    const entry = createRequire(import.meta.url).resolve("@scalar/api-reference");
    const plain = await readFile(path.join(path.dirname(entry), "browser", "standalone.js"));
    return { plain, gzipped: gzipSync(plain) };
  })();
  return bundle;
}

const documentRoute = createRoute({
  method: "get",
  path: "/openapi.json",
  tags: ["Service"],
  operationId: "getOpenApiDocument",
  summary: "This document",
  description: "The OpenAPI 3.1 description of the API, generated from the code. No credential needed.",
  security: PUBLIC,
  responses: responses({ 200: { description: "An OpenAPI 3.1 document.", content: { "application/json": { schema: { type: "object" } } } } }),
});

const docsRoute = createRoute({
  method: "get",
  path: "/docs",
  tags: ["Service"],
  operationId: "getApiReference",
  summary: "Interactive API reference",
  description: "This document rendered for people, with a \"Try it\" that takes a token. No credential needed.",
  security: PUBLIC,
  responses: responses({ 200: { description: "An HTML page.", content: { "text/html": { schema: { type: "string" } } } } }),
});

const renderDocs = Scalar({
  url: "/v1/openapi.json",
  cdn: `/v1${SCALAR_BUNDLE_PATH}`,
  pageTitle: "eCourier API reference",
  withDefaultFonts: false,
  telemetry: false,
  hideClientButton: true,
  showDeveloperTools: "never",
  authentication: { preferredSecurityScheme: "credential" },
});

/** The reference routes; `document(serverUrl)` gives the OpenAPI document (built by api/app.ts from every route). */
export function reference(document: (serverUrl: string) => object) {
  // One document per process and server URL. Only the last one is kept: the Host header is the caller's to choose.
  let cached: { serverUrl: string; body: string } | undefined;
  return new OpenAPIHono<ApiEnv>()
    .openapi(documentRoute, (c) => {
      const serverUrl = serverUrlOf(c);
      if (cached?.serverUrl !== serverUrl) cached = { serverUrl, body: JSON.stringify(document(serverUrl)) };
      return c.body(cached.body, 200, { ...CACHEABLE, "content-type": "application/json" });
    })
    .openapi(docsRoute, async (c) => {
      const page = (await renderDocs(c as unknown as Context, async () => {})) as Response;
      page.headers.set("cache-control", CACHEABLE["cache-control"]);
      return page;
    })
    .get(SCALAR_BUNDLE_PATH, async (c) => {
      const { plain, gzipped } = await scalarBundle();
      const gzip = /\bgzip\b/.test(c.req.header("accept-encoding") ?? "");
      const headers: Record<string, string> = { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=86400", vary: "accept-encoding" };
      if (gzip) headers["content-encoding"] = "gzip";
      return c.body(new Uint8Array(gzip ? gzipped : plain), 200, headers);
    });
}
