// The /v1 API's Node request listener (mounted by server.ts) and its own node:http server
// (api/standalone.ts, and the API tests): the client address is decided once per request
// (lib/client-address.ts), so throttles key on the same value either way.
import { createServer, ServerResponse, type IncomingMessage, type Server } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { setClientAddress } from "@/lib/client-address";
import { createApiApp } from "./app";

const API_HEADERS: Readonly<Record<string, string>> = { "cache-control": "no-store", "x-content-type-options": "nosniff" };
const FOR_API = Symbol("ecourier.api-response");

/**
 * Every /v1 answer carries a team's data (shipments name people and addresses): no cache may keep
 * it, and no browser may sniff a JSON body into a type it would render or run. The headers are added
 * as the head is written, into the header object @hono/node-server hands to writeHead, so every
 * answer gets them (errors included) without leaving Node's fast path. Measured with `npm run bench`:
 * set from a Hono middleware after the handler they cost half the throughput (@hono/node-server then
 * builds a full WHATWG Response); `res.setHeader` before Hono cost about 3 µs a request.
 * server.ts and createApiServer make every response one of these; only /v1 ones are marked.
 */
export class ServerResponseWithApiHeaders<Request extends IncomingMessage = IncomingMessage> extends ServerResponse<Request> {
  [FOR_API] = false;

  /** One implementation for writeHead's overloads: the arguments are passed on unchanged. */
  override writeHead(statusCode: number, ...rest: unknown[]) {
    if (this[FOR_API]) {
      const last = rest[rest.length - 1];
      if (last && typeof last === "object" && !Array.isArray(last)) Object.assign(last, API_HEADERS);
      else for (const [name, value] of Object.entries(API_HEADERS)) this.setHeader(name, value);
    }
    // @ts-expect-error -- forwards whichever overload was called
    return super.writeHead(statusCode, ...rest);
  }
}

/** The /v1 request listener, as server.ts and the standalone server both mount it. */
export function apiRequestListener(options: { trustedProxyHops: number }): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = getRequestListener(createApiApp().fetch);
  return (req, res) => {
    setClientAddress(req, options.trustedProxyHops);
    if (res instanceof ServerResponseWithApiHeaders) res[FOR_API] = true;
    else for (const [name, value] of Object.entries(API_HEADERS)) res.setHeader(name, value);
    void handle(req, res);
  };
}

export function createApiServer(options: { trustedProxyHops: number }): Server {
  const server = createServer({ ServerResponse: ServerResponseWithApiHeaders }, apiRequestListener(options));
  server.keepAliveTimeout = 65_000;
  return server;
}
