// A credential's allowed IP addresses: one IPv4/IPv6 address or CIDR range per line, stored as
// canonical CIDRs (an empty list: any address). Pure, no "server-only": the dashboard uses it to
// warn before saving a list that would refuse the last request, /v1 (lib/api-access/verify.ts) to decide.
// Addresses are parsed by ipaddr.js, not by regular expressions.
import ipaddr from "ipaddr.js";

export const MAX_ALLOWED_ADDRESSES = 100;

type Ip = ipaddr.IPv4 | ipaddr.IPv6;

/** Quoted in an error; a pasted paragraph is cut short. */
const quote = (line: string) => `“${line.length > 60 ? `${line.slice(0, 59)}…` : line}”`;

/**
 * "10.1.2.3", "10.0.0.0/8", "2001:db8::/32" → [address, prefix]; null when not an address or range.
 * IPv4 only in four-part decimal (ipaddr.js alone would also take "10", "0x0a.1" or "010.0.0.1", which
 * nobody means in an allowlist); IPv6 without a zone ("%eth0"). An IPv4-mapped IPv6 range
 * ("::ffff:10.0.0.0/104") is the IPv4 range it stands for.
 */
function parseRange(text: string): [Ip, number] | null {
  const slash = text.indexOf("/");
  const address = slash === -1 ? text : text.slice(0, slash);
  const prefixText = slash === -1 ? null : text.slice(slash + 1);
  let ip: Ip;
  if (address.includes(":")) {
    if (address.includes("%") || !ipaddr.IPv6.isValid(address)) return null;
    ip = ipaddr.IPv6.parse(address);
  } else {
    if (!ipaddr.IPv4.isValidFourPartDecimal(address)) return null;
    ip = ipaddr.IPv4.parse(address);
  }
  const bits = ip.kind() === "ipv4" ? 32 : 128;
  if (prefixText !== null && !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = prefixText === null ? bits : Number(prefixText);
  if (prefix > bits) return null;
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress() && prefix >= 96)
    return [(ip as ipaddr.IPv6).toIPv4Address(), prefix - 96];
  return [ip, prefix];
}

/** The range's first address and its prefix, in the shortest form: "10.0.0.0/8", "2001:db8::/32". */
function canonical([ip, prefix]: [Ip, number]): string {
  const bytes = ip.toByteArray().map((byte, i) => {
    const keep = Math.max(0, Math.min(8, prefix - i * 8));
    return byte & ((0xff << (8 - keep)) & 0xff);
  });
  const network = ipaddr.fromByteArray(bytes);
  const text = network.kind() === "ipv6" ? (network as ipaddr.IPv6).toRFC5952String() : network.toString();
  return `${text}/${prefix}`;
}

export type ParsedAllowedAddresses = { ok: true; cidrs: string[] } | { ok: false; error: string };

/**
 * The textarea's text → canonical CIDRs: one entry per line, blank lines ignored, an address without
 * a prefix is a /32 (IPv4) or /128 (IPv6), host bits are cleared, duplicates dropped. The first bad
 * line is named by its number: `Line 3: “abc” is not an IP address or CIDR range.`
 */
export function parseAllowedAddresses(text: string): ParsedAllowedAddresses {
  const cidrs: string[] = [];
  let entries = 0;
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    if (++entries > MAX_ALLOWED_ADDRESSES)
      return { ok: false, error: `Enter at most ${MAX_ALLOWED_ADDRESSES} addresses.` };
    const range = parseRange(line);
    if (!range) return { ok: false, error: `Line ${i + 1}: ${quote(line)} is not an IP address or CIDR range.` };
    const cidr = canonical(range);
    if (!cidrs.includes(cidr)) cidrs.push(cidr);
  }
  return { ok: true, cidrs };
}

/** The stored list back as the textarea's text. */
export const allowedAddressesText = (cidrs: readonly string[]) => cidrs.join("\n");

/** A client address as /v1 sees it ("203.0.113.7", "2001:db8::1", "::ffff:10.1.2.3") → parsed, IPv4-mapped as IPv4. */
function parseClientAddress(address: string): Ip | null {
  if (!ipaddr.isValid(address)) return null;
  try {
    return ipaddr.process(address);
  } catch {
    return null;
  }
}

/** A list of canonical CIDRs, parsed once, that answers "is this address allowed?". */
export type AddressMatcher = (address: string) => boolean;

/** Compiles stored CIDRs into a matcher. An empty list allows any address; an unparsable address is never allowed by a non-empty list. */
export function compileAllowedAddresses(cidrs: readonly string[]): AddressMatcher {
  if (cidrs.length === 0) return () => true;
  const ranges = cidrs.map(parseRange).filter((range): range is [Ip, number] => range !== null);
  return (address) => {
    const ip = parseClientAddress(address);
    if (!ip) return false;
    const kind = ip.kind();
    for (const range of ranges) if (range[0].kind() === kind && ip.match(range)) return true;
    return false;
  };
}

/** Whether a client address may use a credential with these allowed CIDRs (empty: any address). */
export function isAddressAllowed(address: string, cidrs: readonly string[]): boolean {
  return compileAllowedAddresses(cidrs)(address);
}
