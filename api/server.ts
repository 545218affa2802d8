// The /v1 API's Node request listener (mounted by server.ts) and its own node:http server
// (api/standalone.ts, and the API tests): the client address is decided once per request
// (lib/platform/client-address.ts), so throttles key on the same value either way.
import { createServer, type IncomingMessage, type ServerResponse, type Server } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { setClientAddress } from "@/lib/platform";
import { createApiApp } from "./app";
import { markApiResponse, ServerResponseWithApiHeaders } from "./response-headers";

export { ServerResponseWithApiHeaders };

/** The /v1 request listener, as server.ts and the standalone server both mount it. */
export function apiRequestListener(options: {
  trustedProxyHops: number;
}): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = getRequestListener(createApiApp().fetch);
  return (req, res) => {
    setClientAddress(req, options.trustedProxyHops);
    markApiResponse(res);
    void handle(req, res);
  };
}

export function createApiServer(options: { trustedProxyHops: number }): Server {
  const server = createServer({ ServerResponse: ServerResponseWithApiHeaders }, apiRequestListener(options));
  server.keepAliveTimeout = 65_000;
  return server;
}
