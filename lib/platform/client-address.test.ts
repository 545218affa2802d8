import { describe, expect, it } from "vitest";
import {
  clientAddress,
  setClientAddress,
  settleForwardedHeaders,
  trustedProxyHops,
  throttleKeyForAddress,
} from "./client-address";

describe("the client address behind TRUST_PROXY proxies", () => {
  it.each([
    // [X-Forwarded-For, socket, hops, address]
    [undefined, "203.0.113.5", 0, "203.0.113.5"],
    ["6.6.6.6", "203.0.113.5", 0, "203.0.113.5"], // no proxy trusted: a client's header is ignored
    ["198.51.100.7", "10.0.0.1", 1, "198.51.100.7"], // one proxy: what it saw
    ["6.6.6.6, 198.51.100.7", "10.0.0.1", 1, "198.51.100.7"], // a client-sent entry to the left is ignored
    ["6.6.6.6,198.51.100.7, 10.0.0.2", "10.0.0.1", 2, "198.51.100.7"], // two proxies: second from the right
    [undefined, "10.0.0.1", 1, "10.0.0.1"], // fewer entries than proxies: the connection's address
    // Two proxies configured, one entry: the request skipped the outer proxy, and "6.6.6.6" is whatever its sender wrote.
    ["6.6.6.6", "10.0.0.2", 2, "10.0.0.2"],
    ["6.6.6.6, 7.7.7.7", "10.0.0.3", 3, "10.0.0.3"],
    ["::ffff:198.51.100.7", "::ffff:10.0.0.1", 1, "198.51.100.7"],
    [["6.6.6.6", "198.51.100.7"], "10.0.0.1", 1, "198.51.100.7"], // the header sent twice
  ] as const)("X-Forwarded-For %j from %s with %i trusted → %s", (forwardedFor, socket, hops, expected) => {
    const req = {
      headers: { "x-forwarded-for": forwardedFor as string | string[] | undefined },
      socket: { remoteAddress: socket },
    };
    setClientAddress(req, hops);
    // Decided once; read the same from Node's headers and from WHATWG ones (Next.js's headers()).
    expect(clientAddress(req.headers)).toBe(expected);
    expect(clientAddress(new Headers({ "x-forwarded-for": String(req.headers["x-forwarded-for"]) }))).toBe(expected);
  });

  it('a request that went through no server that decided has the address "unknown"', () => {
    expect(clientAddress(new Headers())).toBe("unknown");
    expect(clientAddress({})).toBe("unknown");
  });

  it("TRUST_PROXY is a hop count; the old TRUST_PROXY=true is refused with a clear message", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("0")).toBe(0);
    expect(trustedProxyHops("2")).toBe(2);
    expect(() => trustedProxyHops("true")).toThrow(/number of proxies in front of the app \(e\.g\. TRUST_PROXY=1/);
    expect(() => trustedProxyHops("-1")).toThrow();
  });
});

describe("the host and scheme a client claims", () => {
  const arriving = () => ({
    headers: {
      host: "app.example",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      "x-forwarded-port": "8443",
      forwarded: "host=evil.example;proto=https",
      "x-forwarded-for": "6.6.6.6",
    } as Record<string, string | undefined>,
    socket: { remoteAddress: "203.0.113.9" },
  });

  it("are dropped when no proxy is trusted (TRUST_PROXY=0): the URLs built from them stay this server's", () => {
    const req = arriving();
    settleForwardedHeaders(req, 0);
    expect(req.headers).toEqual({ host: "app.example", "x-forwarded-for": "203.0.113.9" });
  });

  it("are the proxy's to set behind a trusted proxy", () => {
    const req = arriving();
    settleForwardedHeaders(req, 1);
    expect(req.headers).toMatchObject({
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      "x-forwarded-for": "6.6.6.6",
    });
  });
});

describe("throttleKeyForAddress", () => {
  it("counts an IPv6 client per /64 and an IPv4 client per address", () => {
    expect(throttleKeyForAddress("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(throttleKeyForAddress("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(throttleKeyForAddress("2001:db8:1:3::1")).not.toBe(throttleKeyForAddress("2001:db8:1:2::1"));
    expect(throttleKeyForAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(throttleKeyForAddress("192.0.2.1")).toBe("192.0.2.1");
    expect(throttleKeyForAddress("unknown")).toBe("unknown");
  });
});
