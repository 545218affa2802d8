// GET /v1/openapi.json (the OpenAPI 3.1 document, generated from the routes) and GET /v1/docs (an
// interactive reference rendered from it by Scalar, with "Try it" taking a token). Public and
// cacheable. Scalar's browser bundle is served by this server, not a CDN: the reference works
// without outside network and no third party sees who reads it. The page has its own strict
// Content-Security-Policy (lib/platform/security-headers.ts): it runs on the dashboard's origin.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { Scalar } from "@scalar/hono-api-reference";
import type { Context } from "hono";
import { apiReferenceHeaders, configuredApiOrigin } from "@/lib/platform";
import type { ApiEnv } from "../context";
import { PUBLIC, responses } from "../openapi";

const CACHEABLE = { "cache-control": "public, max-age=300" };
export const SCALAR_BUNDLE_PATH = "/docs/scalar.js";

/** The server URL of the document: API_BASE_URL, or the origin the request came to. */
function serverUrlOf(c: Context): string {
  return configuredApiOrigin() ?? new URL(c.req.url).origin;
}

/**
 * Scalar's single-file browser bundle, read once and gzipped once (about 4.8 MB, 1.4 MB gzipped).
 * `npm run build` copies it into dist/ (scripts/build-server.mjs), so @scalar/api-reference and its
 * few hundred packages are needed to build, not to run; without a build (npm run dev, the tests) it
 * comes from node_modules. Relative to process.cwd(), as everything under dist/.
 */
const BUILT_SCALAR_BUNDLE = path.join("dist", "scalar", "standalone.js");
let bundle: Promise<{ plain: Buffer; gzipped: Buffer }> | undefined;
function scalarBundle() {
  bundle ??= (async () => {
    const plain = await readFile(path.join(process.cwd(), BUILT_SCALAR_BUNDLE)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== "ENOENT") throw err;
      const entry = createRequire(import.meta.url).resolve("@scalar/api-reference");
      return readFile(path.join(path.dirname(entry), "browser", "standalone.js"));
    });
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
  responses: responses({
    200: { description: "An OpenAPI 3.1 document.", content: { "application/json": { schema: { type: "object" } } } },
  }),
});

const docsRoute = createRoute({
  method: "get",
  path: "/docs",
  tags: ["Service"],
  operationId: "getApiReference",
  summary: "Interactive API reference",
  description: 'This document rendered for people, with a "Try it" that takes a token. No credential needed.',
  security: PUBLIC,
  responses: responses({
    200: { description: "An HTML page.", content: { "text/html": { schema: { type: "string" } } } },
  }),
});

/** Scalar's light theme (and its dark code samples) with secondary text and method colours changed to WCAG AA contrast (axe, e2e/api-reference.spec.ts). */
const READABLE_COLOURS = `.light-mode {
  --scalar-color-2: #545454;
  --scalar-color-3: #5e5e5e;
  --scalar-color-green: #04704b;
  --scalar-color-blue: #005a96;
  --scalar-color-orange: #a33a00;
  --scalar-color-red: #b80005;
  --scalar-color-purple: #4a03bf;
  --scalar-color-yellow: #7a5c00;
  --scalar-color-accent: #0060a8;
}
.dark-mode {
  --scalar-color-blue: #9aabf5;
}`;

const renderDocs = Scalar({
  url: "/v1/openapi.json",
  cdn: `/v1${SCALAR_BUNDLE_PATH}`,
  pageTitle: "eCourier API reference",
  withDefaultFonts: false,
  telemetry: false,
  hideClientButton: true,
  defaultOpenAllTags: true, // a small API: every operation in the navigation at once
  showDeveloperTools: "never",
  authentication: { preferredSecurityScheme: "credential" },
  // No third-party services from this page: no AI agent, no MCP; one (light) theme whose contrast is checked.
  agent: { disabled: true },
  mcp: { disabled: true },
  forceDarkModeState: "light",
  hideDarkModeToggle: true,
  customCss: READABLE_COLOURS,
});

/** The reference routes; `document(serverUrl)` gives the OpenAPI document (built by api/app.ts from every route). */
export function reference(document: (serverUrl: string) => object) {
  // One document per process and server URL. Only the last one is kept: the Host header is the caller's to choose.
  let cached: { serverUrl: string; body: string } | undefined;
  let docsPage: string | undefined; // the same for every request
  let docsHeaders: { apiOrigin: string | undefined; headers: Record<string, string> } | undefined;
  return new OpenAPIHono<ApiEnv>()
    .openapi(documentRoute, (c) => {
      const serverUrl = serverUrlOf(c);
      if (cached?.serverUrl !== serverUrl) cached = { serverUrl, body: JSON.stringify(document(serverUrl)) };
      // Without API_BASE_URL the server URL comes from the Host header: a shared cache must not hand it to another host.
      const vary: Record<string, string> = configuredApiOrigin() ? {} : { vary: "host" };
      return c.body(cached.body, 200, { ...CACHEABLE, ...vary, "content-type": "application/json" });
    })
    .openapi(docsRoute, async (c) => {
      if (docsPage === undefined) {
        const page = (await renderDocs(c as unknown as Context, async () => {})) as Response;
        // Scalar's page names no language: screen readers need it.
        docsPage = (await page.text()).replace("<html>", '<html lang="en">');
      }
      // Its start-up script allowed by hash; "Try it" may also call API_BASE_URL when that is another origin.
      const configured = configuredApiOrigin();
      const apiOrigin = configured && new URL(configured).origin;
      if (!docsHeaders || docsHeaders.apiOrigin !== apiOrigin)
        docsHeaders = { apiOrigin, headers: apiReferenceHeaders(docsPage, apiOrigin) };
      return c.html(docsPage, 200, { ...CACHEABLE, ...docsHeaders.headers });
    })
    .get(SCALAR_BUNDLE_PATH, async (c) => {
      const { plain, gzipped } = await scalarBundle();
      const gzip = /\bgzip\b/.test(c.req.header("accept-encoding") ?? "");
      const headers: Record<string, string> = {
        "content-type": "text/javascript; charset=utf-8",
        "cache-control": "public, max-age=86400",
        vary: "accept-encoding",
      };
      if (gzip) headers["content-encoding"] = "gzip";
      return c.body(new Uint8Array(gzip ? gzipped : plain), 200, headers);
    });
}
