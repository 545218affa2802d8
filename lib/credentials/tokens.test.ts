import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { BASE62, checksum, displayToken, generateToken, hashToken, parseToken, TOKEN_PATTERN } from "./tokens";

describe("API credential tokens", () => {
  it("have the documented format for each environment", () => {
    for (const env of ["test", "live"] as const) {
      const token = generateToken(env);
      expect(token).toMatch(TOKEN_PATTERN);
      expect(token).toMatch(new RegExp(`^pk_${env}_[0-9A-Za-z]{38}$`));
      expect(token).toHaveLength(46);
      expect(parseToken(token)).toEqual({ environment: env });
    }
  });

  it("never repeat and spread their characters evenly over 200,000 tokens", () => {
    const seen = new Set<string>();
    const counts = new Map<string, number>();
    const N = 200_000;
    for (let i = 0; i < N; i++) {
      const token = generateToken("test");
      seen.add(token);
      for (const ch of token.slice(8, 40)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(seen.size).toBe(N);
    expect(counts.size).toBe(62);
    // Chi-square goodness of fit against the uniform distribution, 61 degrees of freedom.
    // The 99.99th percentile is about 115; modulo bias (bytes 248-255 kept) would give ~2,600.
    const expected = (N * 32) / 62;
    let chiSquare = 0;
    for (const ch of BASE62) chiSquare += ((counts.get(ch) ?? 0) - expected) ** 2 / expected;
    expect(chiSquare).toBeLessThan(115);
  });

  it("reject every single-character change, truncation and a test/live swap", () => {
    const token = generateToken("live");
    for (let i = 0; i < token.length; i++) {
      for (const ch of BASE62 + "_") {
        if (ch === token[i]) continue;
        const changed = token.slice(0, i) + ch + token.slice(i + 1);
        expect(parseToken(changed), `change at ${i} to ${ch}`).toBeNull();
      }
    }
    expect(parseToken(token.slice(0, -1))).toBeNull();
    expect(parseToken(token + "0")).toBeNull();
    expect(parseToken(token.replace("pk_live_", "pk_test_"))).toBeNull();
    expect(parseToken("")).toBeNull();
  });

  it("checksum is the CRC32 of the body in six base62 characters", () => {
    const token = generateToken("test");
    expect(checksum(token.slice(0, 40))).toBe(token.slice(40));
    expect(checksum("")).toBe("000000");
  });

  it("hash is the SHA-256 hex of the whole token", () => {
    const token = generateToken("test");
    expect(hashToken(token)).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("display shows the first 12 and last 4 characters only", () => {
    const token = generateToken("test");
    const shown = displayToken(token);
    expect(shown).toBe(`${token.slice(0, 12)}…${token.slice(-4)}`);
    expect(shown.replace("…", "")).toHaveLength(16);
  });
});
