// A TCP proxy in front of a real server (PostgreSQL, Redis) that a test can break on purpose: the
// faults of docs/architecture.md's "Failure modes" reproduced with real sockets, without stopping the
// shared server other tests use.
//   pass   — forwards both ways (the start).
//   refuse — closes every open connection and refuses new ones (a stopped server).
//   stall  — accepts connections and keeps them open but forwards nothing, either way (a network
//            partition, a frozen server): a client without timeouts waits forever. What was sent
//            meanwhile is held and delivered when the mode goes back to pass, as TCP would.
import net from "node:net";

export type FaultMode = "pass" | "refuse" | "stall";

export type FaultProxy = {
  /** host:port of the proxy. */
  host: string;
  port: number;
  /** `target` with its host and port replaced by the proxy's (a postgres:// or redis:// URL). */
  url: (target: string) => string;
  mode: () => FaultMode;
  set: (mode: FaultMode) => void;
  close: () => Promise<void>;
};

type Pair = { client: net.Socket; upstream: net.Socket; held: { to: net.Socket; chunk: Buffer }[] };

/** A proxy on 127.0.0.1 (a free port) to `target` ("127.0.0.1:5432"). */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const [targetHost, targetPort] = [target.slice(0, target.lastIndexOf(":")), Number(target.split(":").pop())];
  let mode: FaultMode = "pass";
  const pairs = new Set<Pair>();

  const forward = (pair: Pair) => {
    const send = (to: net.Socket) => (chunk: Buffer) => {
      if (mode === "pass" && pair.held.length === 0) to.write(chunk);
      else pair.held.push({ to, chunk });
    };
    pair.client.on("data", send(pair.upstream));
    pair.upstream.on("data", send(pair.client));
  };

  const server = net.createServer((client) => {
    if (mode === "refuse") return void client.destroy();
    const upstream = net.connect(targetPort, targetHost);
    const pair: Pair = { client, upstream, held: [] };
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
    forward(pair);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;

  return {
    host: "127.0.0.1",
    port,
    url: (targetUrl) => {
      const u = new URL(targetUrl);
      u.hostname = "127.0.0.1";
      u.port = String(port);
      return u.toString();
    },
    mode: () => mode,
    set: (next) => {
      mode = next;
      if (next === "pass") for (const pair of pairs) for (const { to, chunk } of pair.held.splice(0)) to.write(chunk);
      if (next === "refuse")
        for (const pair of pairs) {
          pair.client.destroy();
          pair.upstream.destroy();
        }
    },
    close: async () => {
      mode = "refuse";
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
