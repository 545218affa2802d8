// The caller's address, decided once per request by the process's HTTP server (server.ts,
// api/server.ts) and handed on as a single-address x-forwarded-for header, so every throttle keys on
// the same value and no client can choose its own.
//
// TRUST_PROXY is the number of proxies in front of the app (docs/architecture.md, "Scaling out").
// Each proxy appends the address it saw to X-Forwarded-For, so only the right-most entries are
// trustworthy: with one proxy the last entry is the client as that proxy saw it; anything to its left
// was sent by the client and may be made up.
import type { IncomingMessage } from "node:http";

/** TRUST_PROXY as a hop count: unset or 0 → the socket's address; 1 → one proxy in front; … */
export function trustedProxyHops(value = process.env.TRUST_PROXY): number {
  const text = value?.trim() ?? "";
  if (text === "" || text === "false") return 0;
  if (/^\d{1,2}$/.test(text)) return Number(text);
  throw new Error(
    `TRUST_PROXY must be the number of proxies in front of the app (e.g. TRUST_PROXY=1 behind one load balancer), not "${text}".`,
  );
}

/** "::ffff:192.0.2.1" (IPv4 seen through an IPv6 socket) → "192.0.2.1". */
const plain = (address: string) =>
  address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;

/**
 * The client's address: the socket's with no trusted proxy; else, counting the socket as the last
 * hop, the address `hops` entries to its left in X-Forwarded-For (the left-most one when the chain
 * is shorter than that, i.e. the request came through fewer proxies).
 */
export function clientAddressFrom(
  forwardedFor: string | string[] | undefined,
  socketAddress: string | undefined,
  hops: number,
): string {
  const socket = plain(socketAddress ?? "unknown");
  if (hops === 0) return socket;
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, socket];
  return plain(chain[Math.max(0, chain.length - 1 - hops)]);
}

/** Replaces the request's X-Forwarded-For with the one address decided here. */
export function setClientAddress(req: IncomingMessage, hops: number): void {
  req.headers["x-forwarded-for"] = clientAddressFrom(req.headers["x-forwarded-for"], req.socket.remoteAddress, hops);
}

/** The address set by setClientAddress, from Node's headers of the request. */
export function clientAddressOf(headers: IncomingMessage["headers"]): string {
  const address = headers["x-forwarded-for"];
  return (typeof address === "string" && address) || "unknown";
}

/** The address set by setClientAddress, for code that sees only the request's headers. */
export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for") || "unknown";
}
