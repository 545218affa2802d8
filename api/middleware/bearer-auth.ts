// The one bearer-authentication middleware for /v1: maps lib/api-auth's verdict to HTTP.
// The token is read from the Authorization header only: never a query string, body or cookie.
import { createMiddleware } from "hono/factory";
import { authenticateApiRequest, touchLastUsed } from "@/lib/api-access";
import { countUsage } from "@/lib/usage";
import { clientAddress } from "@/lib/platform";
import type { ApiEnv } from "../context";
import { apiError, WWW_AUTHENTICATE } from "../errors";
import { setCredentialExpiresAt } from "../response-headers";

const refusals = {
  missing_credentials: "Send your API credential as Authorization: Bearer <token>.",
  invalid_credentials: "The API credential is not valid.",
  revoked_credential: "The API credential has been revoked.",
} as const;

const unauthorized = { headers: { "WWW-Authenticate": WWW_AUTHENTICATE } };

export const bearerAuth = createMiddleware<ApiEnv>(async (c, next) => {
  // Node's own parsed headers where there is a Node request (a plain object, lower-case names);
  // else (app.request in tests) the WHATWG ones. The same values either way.
  const incoming = c.env?.incoming;
  const address = clientAddress(incoming ? incoming.headers : c.req.raw.headers);
  const result = await authenticateApiRequest(
    incoming ? incoming.headers.authorization : c.req.header("authorization"),
    address,
  );
  if (!result.ok) {
    switch (result.reason) {
      case "rate_limited": {
        const retryAfter = String(Math.max(1, Math.ceil(result.retryAfterMs / 1000)));
        return apiError(c, 429, "rate_limited", "Too many failed authentication attempts. Try again later.", {
          headers: { "Retry-After": retryAfter },
        });
      }
      case "expired_credential":
        return apiError(c, 401, "expired_credential", `This credential expired at ${result.expiredAt}.`, unauthorized);
      case "ip_not_allowed":
        return apiError(
          c,
          403,
          "ip_not_allowed",
          `Requests from ${result.address} are not allowed for this credential.`,
        );
      default:
        return apiError(c, 401, result.reason, refusals[result.reason], unauthorized);
    }
  }
  c.set("principal", result.principal);
  // Set before the handler, written with the head (api/server.ts): every answer to this credential carries it.
  if (result.expiresAt) setCredentialExpiresAt(c.env?.outgoing, result.expiresAt);
  await next();
  // In memory: written to the usage buckets every few seconds (lib/usage/recording.ts).
  const status = c.res.status;
  countUsage(
    result.principal.credential.id,
    status >= 500 ? "server_error" : status >= 400 ? "client_error" : "success",
    result.checkedAt,
  );
  // After the response is on its way: at most once a minute per credential per process (and the first use after a roll).
  if (result.lastUseDue) setImmediate(() => void touchLastUsed(result.principal.credential.id, address));
});
