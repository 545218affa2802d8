// Headers every /v1 answer carries, added as the head is written (see ServerResponseWithApiHeaders),
// and those every answer of the process carries (Strict-Transport-Security: serverResponseClass).
import { ServerResponse, type IncomingMessage } from "node:http";

const API_HEADERS: Readonly<Record<string, string>> = {
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
};
/** false: not a /v1 answer; true: a /v1 answer; a string: a /v1 answer to a credential that expires then. */
const FOR_API = Symbol("ecourier.api-response");
/** Headers of every answer, dashboard and /v1 alike: on the class (static), so no response carries a field for them. */
const EVERY_RESPONSE = Symbol("ecourier.every-response");
const NONE: Readonly<Record<string, string>> = Object.freeze({});

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
  static [EVERY_RESPONSE]: Readonly<Record<string, string>> = NONE;
  [FOR_API]: boolean | string = false;

  /** One implementation for writeHead's overloads: the arguments are passed on unchanged. */
  override writeHead(statusCode: number, ...rest: unknown[]) {
    const api = this[FOR_API];
    const every = (this.constructor as typeof ServerResponseWithApiHeaders)[EVERY_RESPONSE];
    if (api !== false || every !== NONE) {
      const last = rest[rest.length - 1];
      if (last && typeof last === "object" && !Array.isArray(last)) {
        const headers = last as Record<string, string>;
        for (const name in every) headers[name] = every[name];
        if (api !== false) {
          // A route may allow caching (the public OpenAPI document and reference): its own cache-control stands.
          for (const name in API_HEADERS) headers[name] ??= API_HEADERS[name];
          if (typeof api === "string") headers[CREDENTIAL_EXPIRES_AT_HEADER] = api;
        }
      } else {
        for (const name in every) this.setHeader(name, every[name]);
        if (api !== false) {
          for (const [name, value] of Object.entries(API_HEADERS))
            if (!this.hasHeader(name)) this.setHeader(name, value);
          if (typeof api === "string") this.setHeader(CREDENTIAL_EXPIRES_AT_HEADER, api);
        }
      }
    }
    // @ts-expect-error -- forwards whichever overload was called
    return super.writeHead(statusCode, ...rest);
  }
}

/**
 * The ServerResponse class for a server whose every answer carries `everyResponse` besides the /v1
 * ones' (Strict-Transport-Security when the public URL is https: lib/platform/security-headers.ts).
 */
export function serverResponseClass(
  everyResponse: Readonly<Record<string, string>>,
): typeof ServerResponseWithApiHeaders {
  if (Object.keys(everyResponse).length === 0) return ServerResponseWithApiHeaders;
  return class<Request extends IncomingMessage = IncomingMessage> extends ServerResponseWithApiHeaders<Request> {
    static override [EVERY_RESPONSE] = Object.freeze({ ...everyResponse });
  };
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
