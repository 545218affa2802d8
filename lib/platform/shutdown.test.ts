// The graceful shutdown on a plain node:http server, with real sockets and no database: what a
// client sees of each phase (answers with `Connection: close`, a refused new connection), what is
// cut off past the grace, bounded steps, and the exit code. api/shutdown.test.ts runs it in a process.
import http, { type RequestListener } from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { gracefulShutdown, type ShutdownStep } from "./shutdown";

let lines: string[];
let servers: http.Server[];

beforeEach(() => {
  lines = [];
  servers = [];
  const keep = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  vi.spyOn(console, "log").mockImplementation(keep);
  vi.spyOn(console, "error").mockImplementation(keep);
});

afterEach(() => {
  vi.restoreAllMocks();
  for (const server of servers) server.closeAllConnections();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function serve(handler: RequestListener, graceMs: number, steps: ShutdownStep[] = []) {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 65_000;
  servers.push(server);
  const exits: number[] = [];
  const shutdown = gracefulShutdown(server, { graceMs, steps, signals: [], exit: (code) => void exits.push(code) });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, shutdown, exits };
}

/** A raw HTTP/1.1 connection: what the server sent, as text, and whether it closed. */
async function connect(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  await new Promise((resolve) => socket.once("connect", resolve));
  let received = "";
  let ended = false;
  let error: string | undefined;
  socket.on("data", (chunk) => (received += chunk));
  socket.on("end", () => (ended = true));
  socket.on("error", (err: NodeJS.ErrnoException) => (error = err.code));
  return {
    send: (text: string) => socket.write(text),
    received: () => received,
    ended: () => ended,
    error: () => error,
    close: () => socket.destroy(),
  };
}

const request = (path: string) => `GET ${path} HTTP/1.1\r\nHost: test\r\n\r\n`;

async function until(condition: () => boolean, what: string, timeoutMs = 5_000) {
  for (const started = Date.now(); !condition(); await sleep(10))
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${what}`);
}

const refused = (port: number) =>
  new Promise<string | undefined>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve("connected")));
    socket.once("error", (err: NodeJS.ErrnoException) => resolve(err.code));
  });

describe("gracefulShutdown", () => {
  it("lets a request in flight finish, answered with Connection: close; refuses new connections; then runs the steps and exits 0", async () => {
    const ran: string[] = [];
    let answer!: () => void;
    const { port, shutdown, exits } = await serve(
      (_req, res) => {
        answer = () => res.end("done");
      },
      5_000,
      [
        { name: "writing the usage counts", run: async () => void ran.push("usage"), atLeastMs: 1_000 },
        { name: "closing the database", run: async () => void ran.push("database"), atLeastMs: 1_000 },
      ],
    );
    const client = await connect(port);
    client.send(request("/slow"));
    await until(() => shutdown.inFlight() === 1, "the request in flight");

    const stopped = shutdown.stop("SIGTERM");
    expect(lines).toEqual(["SIGTERM received: finishing 1 request in flight (up to 5 s)"]);
    expect(await refused(port)).toBe("ECONNREFUSED");
    await sleep(100);
    expect(ran).toEqual([]); // the steps wait for the request
    answer();

    expect(await stopped).toBe(0);
    expect(exits).toEqual([0]);
    await until(() => client.ended(), "the connection closed by the server");
    expect(client.received()).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*Connection: close\r\n[\s\S]*done$/);
    expect(client.error()).toBeUndefined(); // no reset
    expect(ran).toEqual(["usage", "database"]);
    expect(lines.slice(1, 3)).toEqual(["writing the usage counts: done", "closing the database: done"]);
    expect(lines.at(-1)).toMatch(/^stopped after [\d.]+ s: 0 requests cut off \(exit code 0\)$/);
  });

  it("answers a request that arrives on a kept-alive connection during the shutdown with Connection: close", async () => {
    let answerSlow!: () => void;
    const { port, shutdown } = await serve((req, res) => {
      if (req.url === "/slow") answerSlow = () => res.end("slow");
      else res.end("fast");
    }, 5_000);
    const slow = await connect(port); // keeps the shutdown waiting
    slow.send(request("/slow"));
    const kept = await connect(port);
    kept.send(request("/first"));
    await until(() => kept.received().endsWith("fast"), "the first answer");
    expect(kept.received()).toContain("Connection: keep-alive");
    kept.send("GET /second HTTP/1.1\r\n"); // the next request is arriving when the signal comes
    await sleep(50);

    const stopped = shutdown.stop("SIGTERM");
    await sleep(50);
    kept.send("Host: test\r\n\r\n");
    await until(() => kept.ended(), "the kept-alive connection closed by the server");
    const second = kept.received().slice(kept.received().indexOf("fast") + 4);
    expect(second).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*Connection: close\r\n[\s\S]*fast$/);
    expect(kept.error()).toBeUndefined();
    answerSlow();
    expect(await stopped).toBe(0);
  });

  it("past the grace cuts off what is still in flight, says how many, and exits 1", async () => {
    const { port, shutdown, exits } = await serve(() => {}, 200); // never answers
    const client = await connect(port);
    client.send(request("/never"));
    await until(() => shutdown.inFlight() === 1, "the request in flight");
    expect(await shutdown.stop("SIGTERM")).toBe(1);
    expect(exits).toEqual([1]);
    expect(lines).toContain("the grace of 0.2 s is over: cutting off 1 request in flight");
    expect(lines.at(-1)).toMatch(/: 1 request cut off \(exit code 1\)$/);
  });

  it("gives up a step that does not answer by its deadline, runs the next one, and exits 1", async () => {
    const ran: string[] = [];
    const { shutdown } = await serve(() => {}, 0, [
      { name: "writing the usage counts", run: () => new Promise(() => {}), atLeastMs: 200 },
      { name: "closing the database", run: async () => void ran.push("database"), atLeastMs: 200 },
    ]);
    const started = Date.now();
    expect(await shutdown.stop("SIGTERM")).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(ran).toEqual(["database"]);
    expect(lines).toContain("[shutdown] writing the usage counts: no answer within 0.2 s; exiting without it");
  });

  it("a step that reports failure (having logged why) makes the exit code 1", async () => {
    const { shutdown } = await serve(() => {}, 0, [
      { name: "writing the usage counts", run: async () => false, atLeastMs: 200 },
    ]);
    expect(await shutdown.stop("SIGTERM")).toBe(1);
    expect(lines).toContain("writing the usage counts: not done (see above)");
  });

  it("a second signal exits at once", async () => {
    const { port, shutdown, exits } = await serve(() => {}, 5_000);
    const client = await connect(port);
    client.send(request("/never"));
    await until(() => shutdown.inFlight() === 1, "the request in flight");
    const first = shutdown.stop("SIGTERM");
    await sleep(20);
    expect(await shutdown.stop("SIGINT")).toBe(1);
    expect(exits).toEqual([1]);
    expect(lines.at(-1)).toBe("SIGINT received again: exiting now, 1 request cut off");
    client.close();
    await first; // (a real exit would have ended it)
  });
});
