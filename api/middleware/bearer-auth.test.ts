// /v1 bearer authentication over real HTTP: every refusal a client or attacker can provoke,
// revoke/enable taking effect on the next request, throttling, last_used_at, and no secret in logs.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { apiCredentials } from "@/db/schema";
import { displayToken, generateToken, hashToken } from "@/lib/credentials/tokens";
import {
  apiFetch,
  insertCredentialRow,
  createTeam,
  deleteCredential,
  freshAddress,
  lastUsedAt,
  setCredentialStatus,
  startApi,
  type RunningApi,
} from "../testing";
import { setAccessLog } from "./access-log";

let api: RunningApi;
let team: { id: string; name: string };
let testKey: Awaited<ReturnType<typeof insertCredentialRow>>;
const secrets: string[] = [];
const logged: string[] = [];

function remember<T extends { token: string; tokenHash: string }>(credential: T): T {
  secrets.push(credential.token, credential.tokenHash);
  return credential;
}

beforeAll(async () => {
  // Everything the API writes to stdout or the console during this file, checked at the end.
  // Access-log lines arrive in batches (one write per event-loop turn): keep them one per entry.
  const capture = (...args: unknown[]) =>
    void logged.push(
      ...args
        .map(String)
        .join(" ")
        .split(/(?<=\n)/),
    );
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => (capture(String(chunk)), true));
  for (const method of ["log", "info", "warn", "error"] as const) vi.spyOn(console, method).mockImplementation(capture);
  // This file reads the access log's lines (vitest.setup.ts turns the log off for the others).
  setAccessLog(true);
  api = await startApi();
  team = await createTeam("Acme Logistics");
  testKey = remember(await insertCredentialRow(team.id, "test", "ERP production"));
});

afterAll(async () => {
  await api.close();
  setAccessLog(false);
  vi.restoreAllMocks();
});

async function expectRefusal(res: Response, code: string) {
  expect(res.status).toBe(401);
  expect(res.headers.get("www-authenticate")).toBe('Bearer realm="eCourier API"');
  expect(res.headers.get("content-type")).toContain("application/json");
  expect(await res.json()).toEqual({ error: { code, message: expect.any(String) } });
}

describe("GET /v1/me", () => {
  it("answers with the token's team, environment and credential", async () => {
    const res = await apiFetch(api, "/v1/me", { token: testKey.token });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      team: { id: team.id, name: "Acme Logistics" },
      environment: "test",
      credential: { id: testKey.id, name: "ERP production" },
    });
  });

  it("accepts the Bearer scheme in any case", async () => {
    for (const scheme of ["bearer", "BEARER", "bEaReR"]) {
      const res = await apiFetch(api, "/v1/me", { headers: { authorization: `${scheme} ${testKey.token}` } });
      expect(res.status).toBe(200);
    }
  });

  it("answers a live token with its live environment", async () => {
    const liveKey = remember(await insertCredentialRow(team.id, "live", "Shop"));
    const res = await apiFetch(api, "/v1/me", { token: liveKey.token });
    expect(await res.json()).toMatchObject({ environment: "live", credential: { id: liveKey.id, name: "Shop" } });
  });
});

describe("refused credentials", () => {
  const oneCharChanged = (token: string) => token.slice(0, 20) + (token[20] === "a" ? "b" : "a") + token.slice(21);

  const cases: [string, string, () => Record<string, string>][] = [
    ["no Authorization header", "missing_credentials", () => ({})],
    ["an empty Authorization header", "missing_credentials", () => ({ authorization: "" })],
    ["the Basic scheme", "invalid_credentials", () => ({ authorization: "Basic dXNlcjpwYXNzd29yZA==" })],
    ["Bearer with nothing after it", "invalid_credentials", () => ({ authorization: "Bearer" })],
    ["Bearer with two values", "invalid_credentials", () => ({ authorization: `Bearer ${testKey.token} extra` })],
    [
      "the test token with a live prefix",
      "invalid_credentials",
      () => ({ authorization: `Bearer ${testKey.token.replace("pk_test_", "pk_live_")}` }),
    ],
    [
      "an unknown prefix",
      "invalid_credentials",
      () => ({ authorization: `Bearer ${testKey.token.replace("pk_test_", "sk_test_")}` }),
    ],
    [
      "one character changed",
      "invalid_credentials",
      () => ({ authorization: `Bearer ${oneCharChanged(testKey.token)}` }),
    ],
    ["a truncated token", "invalid_credentials", () => ({ authorization: `Bearer ${testKey.token.slice(0, -1)}` })],
    [
      "a 10 KB header",
      "invalid_credentials",
      () => ({ authorization: `Bearer ${testKey.token}${"A".repeat(10_240)}` }),
    ],
    [
      "a well-formed token nobody issued",
      "invalid_credentials",
      () => ({ authorization: `Bearer ${generateToken("test")}` }),
    ],
  ];

  it.each(cases)("%s → 401 %s", async (_name, code, headers) => {
    await expectRefusal(await apiFetch(api, "/v1/me", { headers: headers(), address: freshAddress() }), code);
  });

  it("never takes the token from a query string, a body or a cookie", async () => {
    const address = freshAddress();
    for (const query of ["token", "access_token", "api_key"]) {
      await expectRefusal(await apiFetch(api, `/v1/me?${query}=${testKey.token}`, { address }), "missing_credentials");
    }
    const body = JSON.stringify({
      access_token: testKey.token,
      recipient: { name: "A", address: "B" },
      weight_grams: 1,
    });
    await expectRefusal(await apiFetch(api, "/v1/shipments", { method: "POST", body, address }), "missing_credentials");
    await expectRefusal(
      await apiFetch(api, "/v1/me", { headers: { cookie: `token=${testKey.token}` }, address }),
      "missing_credentials",
    );
  });

  it("refuses a revoked credential on the very next request, and the same token works once enabled", async () => {
    const key = remember(await insertCredentialRow(team.id, "test"));
    expect((await apiFetch(api, "/v1/me", { token: key.token })).status).toBe(200);
    await setCredentialStatus(key.id, "revoked");
    await expectRefusal(
      await apiFetch(api, "/v1/me", { token: key.token, address: freshAddress() }),
      "revoked_credential",
    );
    await setCredentialStatus(key.id, "active");
    expect((await apiFetch(api, "/v1/me", { token: key.token })).status).toBe(200);
  });

  it("refuses a deleted credential like an unknown one", async () => {
    const key = remember(await insertCredentialRow(team.id, "test"));
    expect((await apiFetch(api, "/v1/me", { token: key.token })).status).toBe(200);
    await deleteCredential(key.id);
    await expectRefusal(
      await apiFetch(api, "/v1/me", { token: key.token, address: freshAddress() }),
      "invalid_credentials",
    );
  });

  it("refuses a credential whose stored environment differs from the token's prefix", async () => {
    const token = generateToken("test");
    secrets.push(token, hashToken(token));
    const db = await getDb();
    await db.insert(apiCredentials).values({
      teamId: team.id,
      environment: "live",
      name: "Mislabelled",
      tokenHash: hashToken(token),
      tokenDisplay: displayToken(token),
    });
    await expectRefusal(await apiFetch(api, "/v1/me", { token, address: freshAddress() }), "invalid_credentials");
  });
});

describe("paths and bodies", () => {
  it("serves /v1/health without a credential", async () => {
    const res = await apiFetch(api, "/v1/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("answers an unknown path with 401 without a credential and 404 not_found with one", async () => {
    await expectRefusal(await apiFetch(api, "/v1/no-such-thing", { address: freshAddress() }), "missing_credentials");
    const res = await apiFetch(api, "/v1/no-such-thing", { token: testKey.token });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  });

  it("answers a known path with a wrong method with 405 and Allow", async () => {
    const res = await apiFetch(api, "/v1/me", { method: "DELETE", token: testKey.token });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD");
    expect(await res.json()).toEqual({ error: { code: "method_not_allowed", message: expect.any(String) } });
  });

  it("answers a POST to a GET-only path with 405, and a POST to an unknown path with 404", async () => {
    const wrongMethod = await apiFetch(api, "/v1/me", { method: "POST", body: "{}", token: testKey.token });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET, HEAD");
    const listOnly = await apiFetch(api, "/v1/shipments", { method: "DELETE", token: testKey.token });
    expect(listOnly.status).toBe(405);
    expect(listOnly.headers.get("allow")).toBe("POST, GET, HEAD");
    const unknown = await apiFetch(api, "/v1/no-such-thing", { method: "POST", body: "{}", token: testKey.token });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  });

  it("refuses a body over 1 MB with 413 payload_too_large", async () => {
    const body = JSON.stringify({ recipient: { name: "A", address: "x".repeat(1024 * 1024) }, weight_grams: 1 });
    const res = await apiFetch(api, "/v1/shipments", { method: "POST", body, token: testKey.token });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: "payload_too_large", message: expect.any(String) } });
  });
});

/** GET /v1/me from a given local address (127.0.0.x are all this machine), as another client would. */
function fetchFrom(
  localAddress: string,
  target: RunningApi,
  token: string,
  forwardedFor?: string,
): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (forwardedFor) headers["x-forwarded-for"] = forwardedFor;
    const req = http.get(`${target.url}/v1/me`, { localAddress, headers, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
    });
    req.on("error", reject);
  });
}

let ipv6Networks = 0;

describe("throttling failed authentication", () => {
  it("answers 429 rate_limited with Retry-After after 30 failures in a minute from one address", async () => {
    const address = freshAddress();
    for (let i = 0; i < 30; i++) {
      const res = await apiFetch(api, "/v1/me", { token: generateToken("test"), address });
      expect(res.status).toBe(401);
      await res.body?.cancel();
    }
    const res = await apiFetch(api, "/v1/me", { token: generateToken("test"), address });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(await res.json()).toEqual({ error: { code: "rate_limited", message: expect.any(String) } });
    // A working credential still gets in from the blocked address, even one never used before…
    const unused = remember(await insertCredentialRow(team.id, "test", "Not yet used"));
    expect((await apiFetch(api, "/v1/me", { token: unused.token, address })).status).toBe(200);
    // …and other addresses are unaffected.
    expect((await apiFetch(api, "/v1/me", { token: unused.token, address: freshAddress() })).status).toBe(200);
  });

  it("counts an IPv6 client per /64: 30 failures spread over 30 addresses of one /64 block the whole /64, not its neighbour", async () => {
    const prefix = `2001:db8:${(++ipv6Networks).toString(16)}:1`;
    for (let i = 1; i <= 30; i++) {
      const res = await apiFetch(api, "/v1/me", {
        token: generateToken("test"),
        address: `${prefix}::${i.toString(16)}`,
      });
      expect(res.status).toBe(401);
      await res.body?.cancel();
    }
    const res = await apiFetch(api, "/v1/me", {
      token: generateToken("test"),
      address: `${prefix}:ffff:ffff:ffff:ffff`,
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const neighbour = await apiFetch(api, "/v1/me", { token: generateToken("test"), address: `${prefix}0::1` });
    expect(neighbour.status).toBe(401);
  });

  it("lets a working key through a blocked address (a shared NAT), still checked on every request", async () => {
    const shop = remember(await insertCredentialRow(team.id, "test", "Shop behind the same NAT"));
    const address = freshAddress();
    expect((await apiFetch(api, "/v1/me", { token: shop.token, address })).status).toBe(200);
    for (let i = 0; i < 30; i++)
      await (await apiFetch(api, "/v1/me", { token: generateToken("test"), address })).body?.cancel();
    expect((await apiFetch(api, "/v1/me", { token: generateToken("test"), address })).status).toBe(429);

    expect((await apiFetch(api, "/v1/me", { token: shop.token, address })).status).toBe(200);
    // Not a cached verdict: revoked, it is refused on the very next request — with 429, as every refusal
    // from a blocked address is, so the address learns nothing about the tokens it tries.
    await setCredentialStatus(shop.id, "revoked");
    expect((await apiFetch(api, "/v1/me", { token: shop.token, address })).status).toBe(429);
  });

  it("behind one proxy (TRUST_PROXY=1), X-Forwarded-For entries the client made up do not give it fresh budgets", async () => {
    const seenByProxy = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      // The client sends "X-Forwarded-For: <anything>"; the proxy appends the address it saw.
      const res = await apiFetch(api, "/v1/me", {
        token: generateToken("test"),
        address: `10.${i}.0.1, ${seenByProxy}`,
      });
      statuses.push(res.status);
      await res.body?.cancel();
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(30);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
  });

  it("with no trusted proxy (npm run start:api's default), clients are told apart by their own address, whatever they send", async () => {
    const direct = await startApi({ trustedProxyHops: 0 });
    const fresh = remember(await insertCredentialRow(team.id, "test", "Not yet used directly"));
    try {
      for (let i = 0; i < 30; i++) {
        const res = await fetchFrom("127.0.0.1", direct, generateToken("test"), `10.9.${i}.1`);
        expect(res.status).toBe(401);
      }
      expect((await fetchFrom("127.0.0.1", direct, generateToken("test"), "10.9.200.1")).status).toBe(429);
      // Another client (another address) is not locked out by the first one's failures.
      expect((await fetchFrom("127.0.0.2", direct, fresh.token)).status).toBe(200);
    } finally {
      await direct.close();
    }
  });

  it("never throttles successful requests", async () => {
    const address = freshAddress();
    for (let i = 0; i < 40; i++) {
      const res = await apiFetch(api, "/v1/me", { token: testKey.token, address });
      expect(res.status).toBe(200);
      await res.body?.cancel();
    }
  });
});

describe("last_used_at", () => {
  async function waitForLastUse(id: string): Promise<Date> {
    for (let i = 0; i < 100; i++) {
      const at = await lastUsedAt(id);
      if (at) return at;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error("last_used_at was never set");
  }

  it("is set after use and not rewritten within the minute", async () => {
    const key = remember(await insertCredentialRow(team.id, "test"));
    expect(await lastUsedAt(key.id)).toBeNull();
    expect((await apiFetch(api, "/v1/me", { token: key.token })).status).toBe(200);
    const first = await waitForLastUse(key.id);
    expect(Date.now() - first.getTime()).toBeLessThan(60_000);

    for (let i = 0; i < 10; i++) expect((await apiFetch(api, "/v1/me", { token: key.token })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(await lastUsedAt(key.id)).toEqual(first);
  });

  it("is not written again by this process within the minute even if the row was cleared", async () => {
    const key = remember(await insertCredentialRow(team.id, "test"));
    await apiFetch(api, "/v1/me", { token: key.token });
    await waitForLastUse(key.id);
    const db = await getDb();
    await db.update(apiCredentials).set({ lastUsedAt: null });
    await apiFetch(api, "/v1/me", { token: key.token });
    await new Promise((r) => setTimeout(r, 200));
    expect(await lastUsedAt(key.id)).toBeNull();
  });
});

describe("access log", () => {
  // Lines are written in batches at most 50 ms apart.
  const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 80));
  const linesSince = (from: number) =>
    logged
      .slice(from)
      .join("")
      .split(/(?<=\n)/);

  it("writes one line per request with method, path, status, duration and credential id", async () => {
    const from = logged.length;
    await apiFetch(api, "/v1/me", { token: testKey.token });
    await apiFetch(api, "/v1/me?token=secret", { address: freshAddress() });
    await nextTurn();
    const lines = linesSince(from).filter((l) => l.startsWith("[api] GET /v1/me"));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^\\[api\\] GET /v1/me 200 \\d+\\.\\dms credential=${testKey.id}\\n$`));
    expect(lines[1]).toMatch(/^\[api\] GET \/v1\/me 401 \d+\.\dms credential=-\n$/);
  });

  it("masks a token a client put in the path", async () => {
    const from = logged.length;
    await apiFetch(api, `/v1/shipments/${testKey.token}`, { token: testKey.token });
    await nextTurn();
    expect(logged.slice(from).join("")).toContain("/v1/shipments/pk_test_[redacted] 404");
  });

  it("escapes control characters a client put in the path: no forged line, no terminal escape", async () => {
    const from = logged.length;
    const forged = "%0A%5Bapi%5D%20POST%20/v1/shipments%20201%201.0ms%20credential=x%1B%5B31m%0D%E2%80%A8%C2%9B";
    await apiFetch(api, `/v1/x${forged}`, { address: freshAddress() });
    await nextTurn();
    const lines = linesSince(from);
    expect(lines.filter((l) => l.startsWith("[api] POST /v1/shipments"))).toEqual([]);
    expect(lines).toContain(
      "[api] GET /v1/x\\n[api] POST /v1/shipments 201 1.0ms credential=x\\x1b[31m\\r\\u2028\\x9b 401 " +
        lines.find((l) => l.startsWith("[api] GET /v1/x"))?.split(" 401 ")[1],
    );
    expect(lines.join("")).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
  });

  it("no log line written during this file holds a token or a token hash", () => {
    expect(secrets.length).toBeGreaterThan(4);
    const all = logged.join("\n");
    expect(all).toContain("[api] GET /v1/me");
    for (const secret of secrets) expect(all).not.toContain(secret);
    expect(all).not.toMatch(/pk_(test|live)_[0-9A-Za-z]{38}/);
    expect(all).not.toMatch(/\bat .*\.ts:\d+/); // no stack frames
  });
});
