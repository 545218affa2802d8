// The caller's address, decided once per request by the process's HTTP server (server.ts,
// api/server.ts) and handed on as a single-address x-forwarded-for header, so every throttle keys on
// the same value and no client can choose its own.
//
// TRUST_PROXY is the number of proxies in front of the app (docs/architecture.md, "Scaling out").
// Each proxy appends the address it saw to X-Forwarded-For, so only the right-most entries are
// trustworthy: with one proxy the last entry is the client as that proxy saw it; anything to its left
// was sent by the client and may be made up.
import type { IncomingHttpHeaders } from "node:http";
import ipaddr from "ipaddr.js";

/** TRUST_PROXY (as lib/platform/config.ts reads it) as a hop count: unset or 0 → the socket's address; 1 → one proxy in front; … */
export function trustedProxyHops(value: string | undefined): number {
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

/** What setClientAddress needs of a Node request. */
type ArrivingRequest = { headers: IncomingHttpHeaders; socket: { remoteAddress?: string } };

/**
 * At the HTTP server, once per request, before anything reads it: decides the client's address and
 * makes it the request's only X-Forwarded-For entry. The socket's address with no trusted proxy; else,
 * counting the socket as the last hop, the address `hops` entries to its left in X-Forwarded-For.
 * When the chain is shorter than that, the request did not come through every proxy (it reached an
 * inner one, or this server, directly): no entry is known to be a proxy's, so the socket's address
 * is the client's — never the left-most entry, which whoever sent the request may have written.
 */
export function setClientAddress(req: ArrivingRequest, hops: number): void {
  const socket = plain(req.socket.remoteAddress ?? "unknown");
  if (hops === 0) {
    req.headers["x-forwarded-for"] = socket;
    return;
  }
  const forwardedFor = req.headers["x-forwarded-for"];
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  req.headers["x-forwarded-for"] = forwarded.length < hops ? socket : plain(forwarded[forwarded.length - hops]);
}

/**
 * What a proxy says about the request it passed on, besides the client's address: the host and
 * scheme the client asked for. Next.js and Auth.js build absolute URLs from them (redirects, Auth.js's
 * callback URLs, the server-action origin check); Next.js fills in the real ones when they are absent.
 */
const FORWARDED_REQUEST_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"] as const;

/**
 * At the HTTP server, once per request, before anything reads the headers: the client's address
 * (setClientAddress) and, with no trusted proxy, no X-Forwarded-Host, -Proto, -Port or Forwarded —
 * without a proxy in front, those came from the client itself, and would let it choose the host and
 * scheme of the URLs the server builds. Behind TRUST_PROXY proxies they are the proxies' to set.
 */
export function settleForwardedHeaders(req: ArrivingRequest, hops: number): void {
  setClientAddress(req, hops);
  // Checked first: deleting a property turns the object slow, and the /v1 hot path reads these headers after.
  if (hops === 0)
    for (const name of FORWARDED_REQUEST_HEADERS) if (req.headers[name] !== undefined) delete req.headers[name];
}

/**
 * The client's address, as setClientAddress decided it, from the request's headers: Node's (a plain
 * object: the API's hot path, no WHATWG Headers built) or WHATWG ones (Next.js's headers(), the API
 * app called without a server in tests).
 */
export function clientAddress(headers: Headers | IncomingHttpHeaders): string {
  const address = isWhatwg(headers) ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  return (typeof address === "string" && address) || "unknown";
}

const isWhatwg = (headers: Headers | IncomingHttpHeaders): headers is Headers => typeof headers.get === "function";

/**
 * The key a throttle counts an address under: an IPv4 client per address, an IPv6 client per /64 (one
 * subscriber's usual allocation: a client holding a /64 could otherwise spend a fresh budget per address).
 * Anything that is not an address ("unknown") is its own key.
 */
export function throttleKeyForAddress(address: string): string {
  if (!address.includes(":") || !ipaddr.IPv6.isValid(address)) return address;
  const ip = ipaddr.IPv6.parse(address);
  if (ip.isIPv4MappedAddress()) return ip.toIPv4Address().toString();
  return `${ip.parts
    .slice(0, 4)
    .map((part) => part.toString(16))
    .join(":")}::/64`;
}
