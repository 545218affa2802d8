// The /v1 API on its own node:http server (api/standalone.ts, and the API tests): the client address
// is decided as in server.ts (lib/client-address.ts), so throttles key on the same value either way.
import { createServer, type Server } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { setClientAddress } from "@/lib/client-address";
import { createApiApp } from "./app";

export function createApiServer(options: { trustedProxyHops: number }): Server {
  const handle = getRequestListener(createApiApp().fetch);
  const server = createServer((req, res) => {
    setClientAddress(req, options.trustedProxyHops);
    void handle(req, res);
  });
  server.keepAliveTimeout = 65_000;
  return server;
}
