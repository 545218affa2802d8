// Every /v1 answer carries a team's data (shipments name people and addresses): no cache may keep
// it, and no browser may sniff a JSON body into a type it would render or run.
import type { MiddlewareHandler } from "hono";

export const responseHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header("Cache-Control", "no-store");
  c.header("X-Content-Type-Options", "nosniff");
};
