// Proof that refusals by shape, checksum and throttling do no database work: with the database
// unreachable, they still get their 401 or 429, while a request that does need it gets an honest 503.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { closeDatabase } from "@/db";
import { apiFetch, insertCredentialRow, createTeam, freshAddress, startApi, type RunningApi } from "./testing";

let api: RunningApi;
let key: Awaited<ReturnType<typeof insertCredentialRow>>;
const logged: string[] = [];

beforeAll(async () => {
  const capture = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => (capture(String(chunk)), true));
  vi.spyOn(console, "error").mockImplementation(capture);
  const team = await createTeam();
  key = await insertCredentialRow(team.id, "test");
  api = await startApi();
  // Take the database away: nothing listens on port 1.
  await closeDatabase();
  process.env.DATABASE_URL = "postgres://nobody@127.0.0.1:1/unreachable";
});

afterAll(async () => {
  await api.close();
  vi.restoreAllMocks();
});

it("a request that needs the database is 503 service_unavailable with Retry-After (the database is really gone)", async () => {
  const res = await apiFetch(api, "/v1/me", { token: key.token, address: freshAddress() });
  expect(res.status).toBe(503);
  expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
  expect((await res.json()).error.code).toBe("service_unavailable");
  const log = logged.join("\n");
  expect(log).toContain("[db] the database is unreachable (answering 503 until it is back): Error (ECONNREFUSED)");
  expect(log).not.toContain(key.token);
  expect(log).not.toContain(key.tokenHash);
});

it.each([
  ["no header", "missing_credentials", {}],
  ["Basic", "invalid_credentials", { authorization: "Basic YTpi" }],
  ["a truncated token", "invalid_credentials", { authorization: "Bearer pk_test_abc" }],
  ["a wrong checksum", "invalid_credentials", { authorization: `Bearer pk_test_${"A".repeat(38)}` }],
])("%s is refused with 401 %s without the database", async (_name, code, headers) => {
  const res = await apiFetch(api, "/v1/me", { headers, address: freshAddress() });
  expect(res.status).toBe(401);
  expect((await res.json()).error.code).toBe(code);
});

it("a token with one character changed or its prefix swapped is refused without the database", async () => {
  for (const token of [
    key.token.replace("pk_test_", "pk_live_"),
    key.token.slice(0, -1) + (key.token.endsWith("0") ? "1" : "0"),
  ]) {
    const res = await apiFetch(api, "/v1/me", { token, address: freshAddress() });
    expect(res.status).toBe(401);
  }
});

it("a throttled address gets 429 without the database, even with a well-formed token", async () => {
  const address = freshAddress();
  for (let i = 0; i < 30; i++) {
    const res = await apiFetch(api, "/v1/me", {
      headers: { authorization: `Bearer pk_test_${"B".repeat(38)}` },
      address,
    });
    expect(res.status).toBe(401);
  }
  const res = await apiFetch(api, "/v1/me", { token: key.token, address });
  expect(res.status).toBe(429);
  expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
});
