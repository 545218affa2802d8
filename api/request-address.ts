// The client address of a /v1 request, as server.ts / api/server.ts decided it (lib/platform/client-address.ts):
// from Node's own parsed headers where there is a Node request, else (app.request in tests) the WHATWG ones.
import type { Context } from "hono";
import { clientAddress, clientAddressOf } from "@/lib/platform";
import type { ApiEnv } from "./context";

export function requestAddress(c: Context<ApiEnv>): string {
  const incoming = c.env?.incoming;
  return incoming ? clientAddressOf(incoming.headers) : clientAddress(c.req.raw.headers);
}
