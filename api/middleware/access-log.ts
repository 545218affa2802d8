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

// Lines are gathered and written once per event-loop turn: one write for many requests under
// load instead of one each (see README "Benchmark"). At most one turn's lines wait in memory.
let pending = "";

function flush() {
  const lines = pending;
  pending = "";
  if (lines) process.stdout.write(lines);
}

function writeLine(line: string) {
  if (!pending) setImmediate(flush);
  pending += line;
}

process.once("exit", flush);

export const accessLog = createMiddleware<ApiEnv>(async (c, next) => {
  const started = performance.now();
  await next();
  const ms = (performance.now() - started).toFixed(1);
  const credential = c.get("principal")?.credential.id ?? "-";
  writeLine(`[api] ${c.req.method} ${loggablePath(c)} ${c.res.status} ${ms}ms credential=${credential}\n`);
});
