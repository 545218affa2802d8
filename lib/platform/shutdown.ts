// Stopping without dropping anything (docs/architecture.md, "Failure modes"), for server.ts and
// api/standalone.ts alike. On SIGTERM or SIGINT: stop accepting connections; let the requests in
// flight finish, for up to SHUTDOWN_GRACE_MS, each answered with `Connection: close` (so is any that
// still arrives on a kept-alive connection), so clients open their next connection elsewhere instead
// of sending into a socket about to close; close idle connections at once and again as requests
// finish; cut off what is left when the grace is over; then the closing steps (the usage counts, the
// database), each bounded, so a hung database cannot keep the process from exiting. A second signal
// exits at once.
//
// Node 20's `server.close()` stops listening and closes the connections idle at that moment, but a
// connection busy then gets a `Connection: keep-alive` answer and goes on serving requests (checked:
// resOnFinish keeps the socket unless the response said close), and `closeIdleConnections()` skips a
// connection whose answer is not finished. Hence the per-response `shouldKeepAlive = false` below.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { logError, logInfo } from "./log";

export type ShutdownStep = {
  /** What it does, for the log: "writing the usage counts", "closing the database". */
  name: string;
  /** Resolves false when it did not finish cleanly (having logged why). `deadline`: ms since the epoch. */
  run: (deadline: number) => Promise<boolean | void>;
  /**
   * Its deadline is the end of the grace, or this long after it starts if that is later: a step after
   * requests that used the whole grace still gets this much. The process moves on at the deadline.
   */
  atLeastMs: number;
};

export type ShutdownOptions = {
  /** How long requests in flight may take to finish (SHUTDOWN_GRACE_MS). */
  graceMs: number;
  /** Run in order once no request is left. */
  steps: ShutdownStep[];
  /** The signals that start it; none in the unit tests, which call `stop`. */
  signals?: readonly NodeJS.Signals[];
  exit?: (code: number) => void;
};

export type Shutdown = {
  /** Requests being answered now. */
  inFlight: () => number;
  /** What a signal does; resolves with the exit code, after `exit` was called with it. */
  stop: (signal: string) => Promise<number>;
};

/** A settled request's connection closes on its own (it said `Connection: close`): wait this long for that. */
const SETTLE_MS = 500;

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/**
 * Makes `server` stop gracefully on SIGTERM and SIGINT. Call it before the server takes requests: it
 * keeps the set of requests in flight (a Set add and delete per request).
 */
export function gracefulShutdown(server: Server, options: ShutdownOptions): Shutdown {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const inFlight = new Set<ServerResponse>();
  let stopping = false;
  let allAnswered: (() => void) | undefined;

  function settled(this: ServerResponse) {
    inFlight.delete(this);
    if (!stopping) return;
    // Its connection may now be idle (an answer whose head went out before the signal said keep-alive).
    setImmediate(() => server.closeIdleConnections());
    if (inFlight.size === 0) allAnswered?.();
  }
  // First among the listeners: a response is marked before any handler could write its head.
  server.prependListener("request", (_req: IncomingMessage, res: ServerResponse) => {
    inFlight.add(res);
    res.on("close", settled);
    if (stopping) res.shouldKeepAlive = false; // sent on a kept-alive connection meanwhile
  });

  async function run(signal: string): Promise<number> {
    const started = Date.now();
    const graceEnd = started + options.graceMs;
    logInfo(
      `${signal} received: finishing ${plural(inFlight.size, "request")} in flight (up to ${seconds(options.graceMs)})`,
    );
    const closed = new Promise<void>((resolve) => server.close(() => resolve())); // stops accepting; closes idle connections
    for (const res of inFlight) if (!res.headersSent) res.shouldKeepAlive = false;

    const answered = new Promise<void>((resolve) => (allAnswered = resolve));
    if (inFlight.size === 0) allAnswered!();
    // Once every request is answered, their connections close themselves (they said close); one that
    // never sent a request (a browser's preconnect) would hold `closed` for the whole grace: not waited for.
    if ((await before(answered, graceEnd)).done) await before(closed, Math.min(graceEnd, Date.now() + SETTLE_MS));
    const cutOff = inFlight.size;
    if (cutOff > 0)
      logInfo(`the grace of ${seconds(options.graceMs)} is over: cutting off ${plural(cutOff, "request")} in flight`);
    server.closeAllConnections();

    let clean = cutOff === 0;
    for (const step of options.steps) {
      const stepStarted = Date.now();
      const deadline = Math.max(graceEnd, stepStarted + step.atLeastMs);
      const outcome = await before(
        step.run(deadline).then(
          (ok) => ok !== false,
          (err: unknown) => {
            logError("shutdown", `${step.name} failed`, err);
            return false;
          },
        ),
        deadline,
      );
      if (!outcome.done)
        logError("shutdown", `${step.name}: no answer within ${seconds(deadline - stepStarted)}; exiting without it`);
      else logInfo(`${step.name}: ${outcome.value ? "done" : "not done (see above)"}`);
      clean &&= outcome.done && outcome.value;
    }
    const code = clean ? 0 : 1;
    logInfo(`stopped after ${seconds(Date.now() - started)}: ${plural(cutOff, "request")} cut off (exit code ${code})`);
    exit(code);
    return code;
  }

  const stop = (signal: string): Promise<number> => {
    if (stopping) {
      logInfo(`${signal} received again: exiting now, ${plural(inFlight.size, "request")} cut off`);
      exit(1);
      return Promise.resolve(1);
    }
    stopping = true;
    return run(signal);
  };
  for (const signal of options.signals ?? (["SIGTERM", "SIGINT"] as const)) process.on(signal, () => void stop(signal));
  return { inFlight: () => inFlight.size, stop };
}

/** `promise`'s value if it settles before `deadline` (ms since the epoch); it is not stopped otherwise. */
async function before<T>(promise: Promise<T>, deadline: number): Promise<{ done: true; value: T } | { done: false }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<{ done: false }>(
    (resolve) => (timer = setTimeout(() => resolve({ done: false }), Math.max(0, deadline - Date.now()))),
  );
  try {
    return await Promise.race([promise.then((value) => ({ done: true as const, value })), late]);
  } finally {
    clearTimeout(timer);
  }
}
