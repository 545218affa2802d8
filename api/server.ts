// The /v1 API's Node request listener (mounted by server.ts) and its own node:http server
// (api/standalone.ts, and the API tests): the client address is decided once per request
// (lib/platform/client-address.ts), so throttles key on the same value either way. Also what both
// processes do on SIGTERM after their last request (lib/platform/shutdown.ts).
import { createServer, type IncomingMessage, type ServerResponse, type Server } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { closeDatabase } from "@/db";
import { gracefulShutdown, settleForwardedHeaders, type Config } from "@/lib/platform";
import { flushUsageAtShutdown } from "@/lib/usage";
import { createApiApp } from "./app";
import { markApiResponse, ServerResponseWithApiHeaders } from "./response-headers";

export { ServerResponseWithApiHeaders };

/** The /v1 request listener, as server.ts and the standalone server both mount it. */
export function apiRequestListener(options: {
  trustedProxyHops: number;
}): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = getRequestListener(createApiApp().fetch);
  return (req, res) => {
    settleForwardedHeaders(req, options.trustedProxyHops);
    markApiResponse(res);
    void handle(req, res);
  };
}

export function createApiServer(options: { trustedProxyHops: number }): Server {
  const server = createServer({ ServerResponse: ServerResponseWithApiHeaders }, apiRequestListener(options));
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
