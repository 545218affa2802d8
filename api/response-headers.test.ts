// Every /v1 answer — success, refusal, not found, failure — tells caches not to keep it (it carries
// personal data) and browsers not to sniff it.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as shipments from "@/lib/shipments/shipments";
import { apiFetch, createTeam, insertCredentialRow, startApi, type RunningApi } from "./testing";

let api: RunningApi;
let token = "";

beforeAll(async () => {
  api = await startApi();
  ({ token } = await insertCredentialRow((await createTeam("Acme Logistics")).id, "test"));
});
afterAll(() => api.close());

describe("/v1 response headers", () => {
  it.each([
    ["health", "/v1/health", undefined, 200],
    ["me", "/v1/me", "token", 200],
    ["no credential", "/v1/me", undefined, 401],
    ["an unknown path", "/v1/nowhere", "token", 404],
  ])("%s: no-store and nosniff", async (_, path, withToken, status) => {
    const res = await apiFetch(api, path, withToken ? { token } : {});
    expect(res.status).toBe(status);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("a failure answered by the error handler too", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const failing = vi.spyOn(shipments, "listShipments").mockRejectedValueOnce(new Error("boom"));
    const res = await apiFetch(api, "/v1/shipments", { token });
    expect(res.status).toBe(500);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    failing.mockRestore();
  });
});
