// One access-log line per /v1 request: method, path, status, duration, credential id.
// Never a header, a query string (a careless client may put a token there) or a body. The path is
// the client's text: masked, and its control characters escaped, so it cannot forge a line.
import { createMiddleware } from "hono/factory";
import type { Context } from "hono";
import { loggableText } from "@/lib/platform";
import type { ApiEnv } from "../context";

const MAX_PATH_LENGTH = 200;

/** The request path (decoded: `%0A` is a line feed by now) as it may appear in a log line: bounded, token-like text masked, control characters escaped. */
export function loggablePath(c: Context): string {
  return loggableText(c.req.path.slice(0, MAX_PATH_LENGTH));
}

// Lines are gathered and written in batches: every 50 ms or each 64 KB, whichever comes first.
// Writing per request (or per event-loop turn) cost measurable throughput (docs/benchmarks.md),
// since stdout to a file is a synchronous write. At most 50 ms of lines wait in memory.
const FLUSH_MS = 50;
const FLUSH_BYTES = 64 * 1024;
let pending = "";
let timer: NodeJS.Timeout | undefined;

function flush() {
  if (timer) clearTimeout(timer);
  timer = undefined;
  const lines = pending;
  pending = "";
  if (lines) process.stdout.write(lines);
}

function writeLine(line: string) {
  pending += line;
  if (pending.length >= FLUSH_BYTES) flush();
  else timer ??= setTimeout(flush, FLUSH_MS).unref();
}

process.once("exit", flush);

let enabled = true;

/**
 * Turns the access log on or off for this process (on unless turned off). The unit tests turn it off
 * (vitest.setup.ts) so that their output is the test list; a test about the log's lines turns it on.
 */
export function setAccessLog(on: boolean): void {
  enabled = on;
}

export const accessLog = createMiddleware<ApiEnv>(async (c, next) => {
  if (!enabled) return next();
  const started = performance.now();
  await next();
  const ms = (performance.now() - started).toFixed(1);
  const credential = c.get("principal")?.credential.id ?? "-";
  writeLine(`[api] ${c.req.method} ${loggablePath(c)} ${c.res.status} ${ms}ms credential=${credential}\n`);
});
