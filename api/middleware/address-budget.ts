// A public route's budget per client address, spent before its body is read: a flood of large
// bodies from one address is refused after the budget, without reading them.
import { createMiddleware } from "hono/factory";
import { clientAddress, throttle, type ThrottleName } from "@/lib/platform";
import type { ApiEnv } from "../context";
import { apiError } from "../errors";

/**
 * One attempt of `rule` for the client address (an IPv6 client per /64, as every "per address" rule
 * counts), else 429 rate_limited with Retry-After. Registered before the body limit: nothing of a
 * refused request's body is read, and Connection: close keeps its unread bytes off a reused connection.
 */
export function spendAddressBudget(rule: ThrottleName & `${string} per address`, message: string) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const retryAfterMs = await throttle(rule).attempt(clientAddress(c.env?.incoming?.headers ?? c.req.raw.headers));
    if (retryAfterMs > 0)
      return apiError(c, 429, "rate_limited", message, {
        headers: { "Retry-After": String(Math.max(1, Math.ceil(retryAfterMs / 1000))), Connection: "close" },
      });
    await next();
  });
}
