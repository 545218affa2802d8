import { describe, expect, it } from "vitest";
import { readChecks } from "./verify";

describe("readChecks: the lookup's packed column", () => {
  it("reads an active test credential with no expiry and any address", () => {
    expect(readChecks("art|")).toEqual({
      state: "active",
      lastUse: "recent",
      environment: "test",
      expiresAt: null,
      allowedCidrs: null,
    });
  });

  it("reads a revoked live credential that expires and has an allowlist", () => {
    expect(readChecks("rdl2027-01-02T03:04:05.678Z|{10.0.0.0/8,2001:db8::/32}")).toEqual({
      state: "revoked",
      lastUse: "due",
      environment: "live",
      expiresAt: "2027-01-02T03:04:05.678Z",
      allowedCidrs: "{10.0.0.0/8,2001:db8::/32}",
    });
  });

  it("reads an expired credential first used since its roll", () => {
    expect(readChecks("xot2026-12-01T00:00:00.000Z|")).toMatchObject({
      state: "expired",
      lastUse: "roll",
      expiresAt: "2026-12-01T00:00:00.000Z",
      allowedCidrs: null,
    });
  });
});
