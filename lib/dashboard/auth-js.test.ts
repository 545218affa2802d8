// Auth.js's own endpoints as a browser meets them: its pages carry their own Content-Security-Policy
// and refuse framing (proxy.ts does not run for /api/*), and its cookies are Secure whenever the
// public URL (APP_URL) is https, whatever the request's scheme or X-Forwarded-Proto.
import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { GET } from "./auth-js";

// Auth.js takes AUTH_SECRET from the environment when its configuration is made, at import.
vi.hoisted(() => void (process.env.AUTH_SECRET ??= "test-only-secret-of-at-least-32-characters"));

const before = { APP_URL: process.env.APP_URL };
afterEach(() => {
  if (before.APP_URL === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = before.APP_URL;
});

const get = (path: string, headers: Record<string, string> = {}) =>
  GET(new NextRequest(`http://dashboard.example${path}`, { headers }));

describe("Auth.js's pages", () => {
  it("/api/auth/error has a policy with no script at all and cannot be framed", async () => {
    const res = await get("/api/auth/error?error=Configuration");
    expect(res.headers.get("content-type")).toContain("text/html");
    const policy = res.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src/);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    // Its stylesheet is inline, and the policy allows it (no script is, by default-src 'none').
    expect(await res.text()).toContain("<style>");
    expect(policy).toContain("style-src 'unsafe-inline'");
  });

  it("a redirect (/api/auth/signin → /login) carries the same headers", async () => {
    const res = await get("/api/auth/signin");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/\/login\?/);
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});

describe("Auth.js's cookies", () => {
  const cookiesOf = async (res: Promise<Response>) => (await res).headers.getSetCookie();

  it("are Secure when APP_URL is https, though the request came over http with no X-Forwarded-Proto", async () => {
    process.env.APP_URL = "https://dashboard.example";
    const cookies = await cookiesOf(get("/api/auth/csrf"));
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/^__(Host|Secure)-/);
    }
  });

  it("are not Secure for an http APP_URL (local development), whatever X-Forwarded-Proto claims", async () => {
    process.env.APP_URL = "http://localhost:3000";
    const requests: Record<string, string>[] = [{}, { "x-forwarded-proto": "http" }];
    for (const headers of requests) {
      const cookies = await cookiesOf(get("/api/auth/csrf", headers));
      expect(cookies.length).toBeGreaterThan(0);
      for (const cookie of cookies) expect(cookie).not.toMatch(/;\s*Secure/i);
    }
  });
});
