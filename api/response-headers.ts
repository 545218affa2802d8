// Headers every /v1 answer carries, added as the head is written (see ServerResponseWithApiHeaders).
import { ServerResponse, type IncomingMessage } from "node:http";

const API_HEADERS: Readonly<Record<string, string>> = {
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
};
/** false: not a /v1 answer; true: a /v1 answer; a string: a /v1 answer to a credential that expires then. */
const FOR_API = Symbol("ecourier.api-response");

/** The header of every answer to a credential that expires (its expiry, ISO 8601 UTC), so integrations can alert themselves. */
export const CREDENTIAL_EXPIRES_AT_HEADER = "ECourier-Credential-Expires-At";

/**
 * Every /v1 answer carries a team's data (shipments name people and addresses): no cache may keep
 * it, and no browser may sniff a JSON body into a type it would render or run. The headers are added
 * as the head is written, into the header object @hono/node-server hands to writeHead, so every
 * answer gets them (errors included) without leaving Node's fast path. Measured with `npm run bench`:
 * set from a Hono middleware after the handler they cost half the throughput (@hono/node-server then
 * builds a full WHATWG Response); `res.setHeader` before Hono cost about 3 µs a request.
 * server.ts and createApiServer make every response one of these; only /v1 ones are marked. One
 * field holds all it needs: each own field added to every ServerResponse costs the whole http path.
 */
export class ServerResponseWithApiHeaders<
  Request extends IncomingMessage = IncomingMessage,
> extends ServerResponse<Request> {
  [FOR_API]: boolean | string = false;

  /** One implementation for writeHead's overloads: the arguments are passed on unchanged. */
  override writeHead(statusCode: number, ...rest: unknown[]) {
    const api = this[FOR_API];
    if (api !== false) {
      const last = rest[rest.length - 1];
      if (last && typeof last === "object" && !Array.isArray(last)) {
        // A route may allow caching (the public OpenAPI document and reference): its own cache-control stands.
        for (const name in API_HEADERS) (last as Record<string, string>)[name] ??= API_HEADERS[name];
        if (typeof api === "string") (last as Record<string, string>)[CREDENTIAL_EXPIRES_AT_HEADER] = api;
      } else {
        for (const [name, value] of Object.entries(API_HEADERS)) if (!this.hasHeader(name)) this.setHeader(name, value);
        if (typeof api === "string") this.setHeader(CREDENTIAL_EXPIRES_AT_HEADER, api);
      }
    }
    // @ts-expect-error -- forwards whichever overload was called
    return super.writeHead(statusCode, ...rest);
  }
}

/**
 * Puts ECourier-Credential-Expires-At on this answer, whatever status it ends with: written with the
 * head like the headers above (a header set through Hono after the handler would cost the fast path).
 */
export function setCredentialExpiresAt(res: ServerResponse | undefined, expiresAt: string): void {
  if (res instanceof ServerResponseWithApiHeaders) res[FOR_API] = expiresAt;
  else res?.setHeader(CREDENTIAL_EXPIRES_AT_HEADER, expiresAt);
}

/** Marks a response as a /v1 one (server.ts makes every response a ServerResponseWithApiHeaders; anything else gets the headers set now). */
export function markApiResponse(res: ServerResponse): void {
  if (res instanceof ServerResponseWithApiHeaders) res[FOR_API] = true;
  else for (const [name, value] of Object.entries(API_HEADERS)) res.setHeader(name, value);
}
