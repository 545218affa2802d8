// The /v1 API's Node request listener and the two node:http servers that mount it: server.ts's one
// process (the dashboard's requests handed to Next.js) and the API's own (api/standalone.ts, and the
// API tests). The client address and the forwarded headers are settled once per request
// (lib/platform/client-address.ts), so throttles key on the same value either way. Also what both
// processes do on SIGTERM after their last request (lib/platform/shutdown.ts).
import { createServer, type IncomingMessage, type ServerResponse, type Server } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { closeDatabase } from "@/db";
import {
  everyResponseHeaders,
  gracefulShutdown,
  publicUrlIsHttps,
  refusalBeforeNext,
  settleForwardedHeaders,
  type Config,
} from "@/lib/platform";
import { flushUsageAtShutdown } from "@/lib/usage";
import { createApiApp } from "./app";
import { markApiResponse, serverResponseClass } from "./response-headers";

export type ServerOptions = { trustedProxyHops: number };

/** The response class of this process's servers: every answer with Strict-Transport-Security when APP_URL is https. */
const responseClass = () => serverResponseClass(everyResponseHeaders(publicUrlIsHttps()));

/** The /v1 request listener, as server.ts and the standalone server both mount it. */
export function apiRequestListener(options: ServerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = getRequestListener(createApiApp().fetch);
  return (req, res) => {
    settleForwardedHeaders(req, options.trustedProxyHops);
    markApiResponse(res);
    void handle(req, res);
  };
}

export function createApiServer(options: ServerOptions): Server {
  const server = createServer({ ServerResponse: responseClass() }, apiRequestListener(options));
  server.keepAliveTimeout = 65_000;
  return server;
}

function isApiRequest(req: IncomingMessage): boolean {
  const url = req.url ?? "/";
  return url === "/v1" || url.startsWith("/v1/") || url.startsWith("/v1?");
}

/**
 * server.ts's one process: /v1/* to the API, everything else to `handleNext` (Next.js's request
 * handler) once the forwarded headers are settled and the requests Next.js would answer with a 500
 * (lib/platform/server-action-request.ts) are refused — body unread, connection closed.
 */
export function createDashboardServer(
  options: ServerOptions,
  handleNext: (req: IncomingMessage, res: ServerResponse) => void,
): Server {
  const handleApi = apiRequestListener(options);
  const server = createServer({ ServerResponse: responseClass() }, (req, res) => {
    if (isApiRequest(req)) return handleApi(req, res);
    settleForwardedHeaders(req, options.trustedProxyHops);
    const refusal = refusalBeforeNext(req);
    if (refusal) {
      res.writeHead(refusal.status, {
        "content-type": "text/plain; charset=utf-8",
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        connection: "close",
      });
      return void res.end(`${refusal.message}\n`);
    }
    handleNext(req, res);
  });
  server.keepAliveTimeout = 65_000;
  return server;
}

/**
 * SIGTERM and SIGINT stop `server` gracefully (server.ts and api/standalone.ts): the requests in flight
 * finish within SHUTDOWN_GRACE_MS, then the usage counts are written (retried until the grace is over,
 * or for 2 s if it already is), then the database is closed, bounded the same way: pg's pool.end waits
 * for every query, and a hung database would otherwise keep the process alive. Exit within the grace
 * plus 4 s at most.
 */
export function stopGracefullyOnSignals(server: Server, settings: Pick<Config, "SHUTDOWN_GRACE_MS">): void {
  gracefulShutdown(server, {
    graceMs: settings.SHUTDOWN_GRACE_MS,
    steps: [
      { name: "writing the usage counts", run: flushUsageAtShutdown, atLeastMs: 2_000 },
      { name: "closing the database", run: closeDatabase, atLeastMs: 2_000 },
    ],
  });
}
