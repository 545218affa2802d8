// A Redis of a test's own, to break (CLIENT PAUSE stalls every client of it): the shared one at
// 127.0.0.1:6379 is used by other tests at the same time and must never be paused or flushed.
import { spawn } from "node:child_process";
import net from "node:net";
import { Redis } from "ioredis";

export type OwnRedis = {
  url: string;
  /** Holds every command of every client for `ms` (CLIENT PAUSE … ALL); it cannot be lifted earlier. */
  pause: (ms: number) => Promise<void>;
  /** The keys matching `pattern` (not while paused). */
  keys: (pattern: string) => Promise<string[]>;
  stop: () => Promise<void>;
};

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts `redis-server` on a free port, without persistence, and waits until it answers. */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `redis://127.0.0.1:${port}`;
  const admin = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => 100 });
  admin.on("error", () => {}); // refused until the server listens
  for (let waited = 0; ; waited += 100) {
    if (child.exitCode !== null) throw new Error(`redis-server on port ${port} exited with ${child.exitCode}`);
    if ((await admin.ping().catch(() => null)) === "PONG") break;
    if (waited > 10_000) throw new Error(`redis-server on port ${port} did not answer within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pause: async (ms) => void (await admin.call("client", "pause", String(ms), "ALL")),
    keys: (pattern) => admin.keys(pattern),
    stop: async () => {
      admin.disconnect();
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
