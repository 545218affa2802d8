import { describe, expect, it } from "vitest";
import { compileAllowedAddresses, isAddressAllowed, MAX_ALLOWED_ADDRESSES, parseAllowedAddresses } from "./addresses";

describe("parseAllowedAddresses", () => {
  it("reads one address or range per line into canonical CIDRs, ignoring blank lines and spaces", () => {
    const text = "203.0.113.0/24\n\n  10.1.2.3  \r\n2001:DB8:0:0::/32\n2001:db8::1\n::ffff:10.0.0.0/104\n0.0.0.0/0\n";
    expect(parseAllowedAddresses(text)).toEqual({
      ok: true,
      cidrs: ["203.0.113.0/24", "10.1.2.3/32", "2001:db8::/32", "2001:db8::1/128", "10.0.0.0/8", "0.0.0.0/0"],
    });
  });

  it("clears host bits and drops duplicates", () => {
    expect(parseAllowedAddresses("10.1.2.3/8\n10.0.0.0/8\n2001:db8::ff/64")).toEqual({
      ok: true,
      cidrs: ["10.0.0.0/8", "2001:db8::/64"],
    });
  });

  it("an empty text is an empty list (any address)", () => {
    expect(parseAllowedAddresses("")).toEqual({ ok: true, cidrs: [] });
    expect(parseAllowedAddresses("\n  \n")).toEqual({ ok: true, cidrs: [] });
  });

  it.each([
    ["abc", 3],
    ["10.0.0.256", 3],
    ["10.0.0.0/33", 3],
    ["2001:db8::/129", 3],
    ["10.0.0.0/", 3],
    ["10.0.0.0/-1", 3],
    ["10.0.0.0/8/8", 3],
    ["10", 3],
    ["0x0a.0.0.1", 3],
    ["fe80::1%eth0", 3],
    ["10.0.0.0 10.0.0.1", 3],
  ])("names the first bad line: %s", (bad, line) => {
    expect(parseAllowedAddresses(`10.0.0.0/8\n\n${bad}\nnope`)).toEqual({
      ok: false,
      error: `Line ${line}: “${bad}” is not an IP address or CIDR range.`,
    });
  });

  it("counts lines as the textarea shows them, blank ones included", () => {
    expect(parseAllowedAddresses("\n\n\n\nx")).toEqual({
      ok: false,
      error: "Line 5: “x” is not an IP address or CIDR range.",
    });
  });

  it(`takes ${MAX_ALLOWED_ADDRESSES} entries and refuses more`, () => {
    const lines = Array.from({ length: 101 }, (_, i) => `10.0.${i}.0/24`);
    const hundred = parseAllowedAddresses(lines.slice(0, 100).join("\n"));
    expect(hundred.ok && hundred.cidrs).toHaveLength(100);
    expect(parseAllowedAddresses(lines.join("\n"))).toEqual({ ok: false, error: "Enter at most 100 addresses." });
    expect(parseAllowedAddresses(lines.slice(0, 100).join("\n\n"))).toMatchObject({ ok: true });
  });
});

describe("isAddressAllowed", () => {
  it("allows any address when the list is empty", () => {
    expect(isAddressAllowed("203.0.113.7", [])).toBe(true);
    expect(isAddressAllowed("unknown", [])).toBe(true);
  });

  it("matches IPv4 ranges and single addresses", () => {
    const cidrs = ["10.0.0.0/8", "203.0.113.7/32"];
    expect(isAddressAllowed("10.255.0.1", cidrs)).toBe(true);
    expect(isAddressAllowed("203.0.113.7", cidrs)).toBe(true);
    expect(isAddressAllowed("203.0.113.8", cidrs)).toBe(false);
    expect(isAddressAllowed("11.0.0.1", cidrs)).toBe(false);
  });

  it("matches IPv6 ranges, whatever the address's spelling", () => {
    const cidrs = ["2001:db8::/32"];
    expect(isAddressAllowed("2001:db8::1", cidrs)).toBe(true);
    expect(isAddressAllowed("2001:0DB8:0000:0000:0000:0000:0000:0001", cidrs)).toBe(true);
    expect(isAddressAllowed("2001:db9::1", cidrs)).toBe(false);
    expect(isAddressAllowed("10.0.0.1", cidrs)).toBe(false);
  });

  it("matches an IPv4-mapped IPv6 address against IPv4 ranges", () => {
    expect(isAddressAllowed("::ffff:10.1.2.3", ["10.0.0.0/8"])).toBe(true);
    expect(isAddressAllowed("::ffff:11.1.2.3", ["10.0.0.0/8"])).toBe(false);
  });

  it("refuses what is not an address when the list is not empty", () => {
    expect(isAddressAllowed("unknown", ["0.0.0.0/0"])).toBe(false);
    expect(isAddressAllowed("", ["10.0.0.0/8"])).toBe(false);
  });

  it("a compiled list answers the same as the one-off check", () => {
    const cidrs = ["192.0.2.0/24", "2001:db8:1::/48", "127.0.0.1/32"];
    const allowed = compileAllowedAddresses(cidrs);
    for (const address of [
      "192.0.2.200",
      "192.0.3.1",
      "2001:db8:1:ffff::1",
      "2001:db8:2::1",
      "127.0.0.1",
      "::ffff:127.0.0.1",
      "::1",
    ]) {
      expect(allowed(address), address).toBe(isAddressAllowed(address, cidrs));
    }
    expect(allowed("::ffff:127.0.0.1")).toBe(true);
    expect(allowed("::1")).toBe(false);
  });
});
