// Whether one list of CIDR ranges is covered by another: the allowed-addresses row of sudo mode
// (./sudo.ts) asks it of a Live credential's old and new lists. Pure. It lives beside the sudo table
// rather than in lib/credentials/shared/addresses.ts because lib/auth sits below lib/credentials.
// Ranges are compared as sets of addresses, never as strings: "10.0.0.0/8" covers "10.1.2.3/32", and
// "10.0.0.0/25" with "10.0.0.128/25" covers "10.0.0.0/24".
import ipaddr from "ipaddr.js";

type Range = { kind: "ipv4" | "ipv6"; bits: number[]; prefix: number };

/** "10.0.0.0/8" → its network bits; null when not a range (a stored list is canonical, so never in practice). */
function parseRange(text: string): Range | null {
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    parsed = ipaddr.parseCIDR(text.includes("/") ? text : `${text}/${text.includes(":") ? 128 : 32}`);
  } catch {
    return null;
  }
  const [ip, prefix] = parsed;
  const bits = ip.toByteArray().flatMap((byte) => [7, 6, 5, 4, 3, 2, 1, 0].map((i) => (byte >> i) & 1));
  return { kind: ip.kind(), bits: bits.slice(0, prefix), prefix };
}

/** Whether every address of `inner` is in `outer`: CIDR blocks either nest or do not meet. */
function contains(outer: Range, inner: Range): boolean {
  if (outer.kind !== inner.kind || inner.prefix < outer.prefix) return false;
  for (let i = 0; i < outer.prefix; i++) if (outer.bits[i] !== inner.bits[i]) return false;
  return true;
}

/** Whether the union of `outer` holds all of `range`: one range that contains it, or both its halves covered. */
function coveredByUnion(range: Range, outer: readonly Range[]): boolean {
  if (outer.some((o) => contains(o, range))) return true;
  // Only ranges inside this one can still help; none → some address of it is left out.
  if (!outer.some((o) => contains(range, o))) return false;
  const half = (bit: number): Range => ({ ...range, bits: [...range.bits, bit], prefix: range.prefix + 1 });
  return coveredByUnion(half(0), outer) && coveredByUnion(half(1), outer);
}

/**
 * Whether the addresses `after` allows are all allowed by `before` — a narrowing, or the same. An empty
 * list allows any address: from none to a list is a narrowing, from a list to none is not. An entry that
 * cannot be parsed is covered by nothing and covers nothing.
 */
export function addressRangesCover(before: readonly string[], after: readonly string[]): boolean {
  if (before.length === 0) return true;
  if (after.length === 0) return false;
  const outer = before.map(parseRange).filter((r): r is Range => r !== null);
  return after.every((text) => {
    const range = parseRange(text);
    return range !== null && coveredByUnion(range, outer);
  });
}
