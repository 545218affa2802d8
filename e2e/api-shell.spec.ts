import { expect, test } from "@playwright/test";

test("the API answers its health check beside the dashboard", async ({ request }) => {
  const res = await request.get("/v1/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok" });
});

test("an unknown /v1 path is a JSON 404, not a dashboard page", async ({ request }) => {
  const res = await request.get("/v1/no-such-thing");
  expect(res.status()).toBe(404);
  expect(res.headers()["content-type"]).toContain("application/json");
  expect(await res.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
});
