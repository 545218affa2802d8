// server.ts's one process as the network sees it, with a stand-in for Next.js: what reaches Next.js
// (the forwarded headers as settled, the client's address), what is refused before it (the requests
// Next.js's server-action decoding answers with a 500), and Strict-Transport-Security on every answer
// — dashboard and /v1 alike — when the public URL (APP_URL) is https.
import type { IncomingHttpHeaders, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createApiServer, createDashboardServer } from "./server";

/** What the stand-in for Next.js saw of each request that reached it. */
type Seen = { method?: string; url?: string; headers: IncomingHttpHeaders };

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
  delete process.env.APP_URL;
});

async function listening(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The one-process server with a Next.js that answers 200 "next" and remembers what it was sent. */
async function dashboard(trustedProxyHops = 0) {
  const seen: Seen[] = [];
  const url = await listening(
    createDashboardServer({ trustedProxyHops }, (req, res) => {
      seen.push({ method: req.method, url: req.url, headers: { ...req.headers } });
      // As Next.js answers: headers set one by one, then the body (the head written implicitly).
      res.setHeader("content-type", "text/html");
      res.end("next");
    }),
  );
  return { url, seen };
}

describe("Strict-Transport-Security", () => {
  it("is on every answer, dashboard and /v1, when APP_URL is https", async () => {
    process.env.APP_URL = "https://dashboard.example";
    const { url } = await dashboard();
    for (const path of ["/login", "/api/auth/session", "/v1/health", "/v1/me"]) {
      const res = await fetch(`${url}${path}`);
      expect(res.headers.get("strict-transport-security"), path).toBe("max-age=31536000");
    }
    // The API's own server (api/standalone.ts) too.
    const api = await listening(createApiServer({ trustedProxyHops: 0 }));
    expect((await fetch(`${api}/v1/health`)).headers.get("strict-transport-security")).toBe("max-age=31536000");
  });

  it("is on no answer when APP_URL is http or unset (a browser would pin the host to https)", async () => {
    for (const appUrl of ["http://localhost:3000", undefined]) {
      if (appUrl) process.env.APP_URL = appUrl;
      else delete process.env.APP_URL;
      const { url } = await dashboard();
      for (const path of ["/login", "/v1/health"])
        expect((await fetch(`${url}${path}`)).headers.has("strict-transport-security")).toBe(false);
    }
  });
});

describe("what reaches Next.js", () => {
  const claims = {
    "x-forwarded-host": "evil.example",
    "x-forwarded-proto": "https",
    "x-forwarded-port": "443",
    forwarded: "host=evil.example",
  };

  it("with no trusted proxy: no forwarded host, scheme or port, whatever the client sent", async () => {
    const { url, seen } = await dashboard(0);
    await fetch(`${url}/login`, { headers: claims });
    expect(seen[0].headers).not.toHaveProperty("x-forwarded-host");
    expect(seen[0].headers).not.toHaveProperty("x-forwarded-proto");
    expect(seen[0].headers).not.toHaveProperty("x-forwarded-port");
    expect(seen[0].headers).not.toHaveProperty("forwarded");
    expect(seen[0].headers["x-forwarded-for"]).toBe("127.0.0.1");
  });

  it("behind a trusted proxy: what the proxy sent", async () => {
    const { url, seen } = await dashboard(1);
    await fetch(`${url}/login`, { headers: { ...claims, "x-forwarded-for": "198.51.100.4" } });
    expect(seen[0].headers).toMatchObject({ "x-forwarded-host": "evil.example", "x-forwarded-for": "198.51.100.4" });
  });

  it("behind two proxies, a request with one forwarded entry has the connection's address, not the entry", async () => {
    const { url, seen } = await dashboard(2);
    await fetch(`${url}/login`, { headers: { "x-forwarded-for": "6.6.6.6" } });
    expect(seen[0].headers["x-forwarded-for"]).toBe("127.0.0.1");
  });
});

describe("requests Next.js's server-action decoding would answer with a 500", () => {
  const post = (url: string, path: string, headers: Record<string, string>, body = "[]") =>
    fetch(`${url}${path}`, { method: "POST", headers, body });

  it.each([
    ["an Origin that is not a URL", 400, { origin: "http://a:b", "next-action": "7f00", "content-type": "text/plain" }],
    [
      "an Origin that is not a URL, on a form post",
      400,
      { origin: "http://a:b", "content-type": "multipart/form-data; boundary=x" },
    ],
    ["an action sent as JSON", 400, { "next-action": "7f00", "content-type": "application/json" }],
    ["an action with no Content-Type", 400, { "next-action": "7f00", "content-type": "" }],
    ["multipart/form-data without a boundary", 400, { "content-type": "multipart/form-data" }],
    [
      "an action from another site",
      403,
      { origin: "http://evil.example", "next-action": "7f00", "content-type": "text/plain" },
    ],
    [
      "a form post from another site",
      403,
      { origin: "http://evil.example", "content-type": "multipart/form-data; boundary=x" },
    ],
  ])("%s → %i, and Next.js never sees it", async (_, status, headers) => {
    const { url, seen } = await dashboard();
    const res = await post(url, "/login", headers);
    expect(res.status).toBe(status);
    expect(res.headers.get("connection")).toBe("close");
    expect(await res.text()).not.toBe("next");
    expect(seen).toEqual([]);
  });

  it("what a browser sends for a real action reaches Next.js", async () => {
    const { url, seen } = await dashboard();
    const origin = url;
    // A string body (text/plain;charset=UTF-8), a FormData body (multipart with a boundary), a form without JavaScript.
    await post(url, "/login", { origin, "next-action": "7f00", "content-type": "text/plain;charset=UTF-8" });
    const form = new FormData();
    form.set("email", "a@example.com");
    await fetch(`${url}/login`, { method: "POST", headers: { origin, "next-action": "7f00" }, body: form });
    await fetch(`${url}/login`, { method: "POST", headers: { origin }, body: form });
    // Without an Origin (not a browser: Next.js lets it through, and so does this).
    await post(url, "/login", { "next-action": "7f00", "content-type": "text/plain;charset=UTF-8" });
    // Auth.js's own form posts (route handlers, no action decoding), and any GET.
    await post(
      url,
      "/api/auth/signout",
      { origin: "http://evil.example", "content-type": "application/x-www-form-urlencoded" },
      "a=1",
    );
    await fetch(`${url}/login`, { headers: { origin: "http://evil.example" } });
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      "POST /login",
      "POST /login",
      "POST /login",
      "POST /login",
      "POST /api/auth/signout",
      "GET /login",
    ]);
  });
});
