// One access-log line per /v1 request: method, path, status, duration, credential id.
// Never a header, a query string (a careless client may put a token there) or a body.
import { createMiddleware } from "hono/factory";
import type { Context } from "hono";
import { redactSecrets } from "@/lib/redact";
import type { ApiEnv } from "../context";

const MAX_PATH_LENGTH = 200;

/** The request path as it may appear in a log line: bounded, and with token-like text masked. */
export function loggablePath(c: Context): string {
  return redactSecrets(c.req.path.slice(0, MAX_PATH_LENGTH));
}

export const accessLog = createMiddleware<ApiEnv>(async (c, next) => {
  const started = performance.now();
  await next();
  const ms = (performance.now() - started).toFixed(1);
  const credential = c.get("principal")?.credential.id ?? "-";
  // A plain string and one write: cheap enough to keep on at full load (see README "Benchmark").
  process.stdout.write(`[api] ${c.req.method} ${loggablePath(c)} ${c.res.status} ${ms}ms credential=${credential}\n`);
});
