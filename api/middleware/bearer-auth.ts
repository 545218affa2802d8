// The one bearer-authentication middleware for /v1: maps lib/api-auth's verdict to HTTP.
// The token is read from the Authorization header only: never a query string, body or cookie.
import { createMiddleware } from "hono/factory";
import { authenticateApiRequest, touchLastUsed } from "@/lib/api-auth";
import { clientAddress } from "@/lib/client-address";
import type { ApiEnv } from "../context";
import { apiError, WWW_AUTHENTICATE } from "../errors";

const refusals = {
  missing_credentials: "Send your API credential as Authorization: Bearer <token>.",
  invalid_credentials: "The API credential is not valid.",
  revoked_credential: "The API credential has been revoked.",
} as const;

export const bearerAuth = createMiddleware<ApiEnv>(async (c, next) => {
  const result = await authenticateApiRequest(c.req.header("authorization"), clientAddress(c.req.raw.headers));
  if (!result.ok) {
    if (result.reason === "rate_limited") {
      const retryAfter = String(Math.max(1, Math.ceil(result.retryAfterMs / 1000)));
      return apiError(c, 429, "rate_limited", "Too many failed authentication attempts. Try again later.", { headers: { "Retry-After": retryAfter } });
    }
    return apiError(c, 401, result.reason, refusals[result.reason], { headers: { "WWW-Authenticate": WWW_AUTHENTICATE } });
  }
  c.set("principal", result.principal);
  await next();
  // After the response is on its way: at most once a minute per credential per process.
  if (result.lastUseDue) setImmediate(() => void touchLastUsed(result.principal.credential.id));
});
