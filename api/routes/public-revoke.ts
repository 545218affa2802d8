// POST /v1/credentials/revoke {"token": "pk_…"}: anyone who finds a token may revoke it, without
// a credential (GitHub offers the same for its tokens). The answer is the same whatever the token
// was, so it tells a guesser nothing; each call spends the address's failed-credential budget.
import { Hono } from "hono";
import { z } from "zod";
import { revokeByPublicReport } from "@/lib/leaks";
import { throttle } from "@/lib/throttle";
import type { ApiEnv } from "../context";
import { apiError } from "../errors";
import { limitBody } from "../middleware/body-limit";
import { requestAddress } from "../request-address";

const PublicRevoke = z.object({ token: z.string({ error: "Send the token as {\"token\": \"pk_…\"}." }).max(1024) });

export const publicRevoke = new Hono<ApiEnv>().post("/revoke", limitBody, async (c) => {
  const retryAfterMs = await throttle("api credentials per address").attempt(requestAddress(c));
  if (retryAfterMs > 0) {
    return apiError(c, 429, "rate_limited", "Too many requests from this address. Try again later.", {
      headers: { "Retry-After": String(Math.max(1, Math.ceil(retryAfterMs / 1000))) },
    });
  }
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    return apiError(c, 400, "invalid_request", "The request body must be a JSON object.");
  }
  const input = PublicRevoke.safeParse(json);
  if (!input.success) return apiError(c, 400, "invalid_request", input.error.issues[0].message, { fields: { token: input.error.issues[0].message } });
  await revokeByPublicReport(input.data.token.trim());
  return c.json({ status: "received" }, 202);
});
