import { expect, test } from "@playwright/test";

test("the API answers its health check beside the dashboard", async ({ request }) => {
  const res = await request.get("/v1/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok" });
});

// Every /v1 path but /v1/health needs a credential, unknown ones included (see api/app.ts):
// without one the answer is a JSON 401, never a dashboard page.
test("an unknown /v1 path is a JSON answer from the API, not a dashboard page", async ({ request }) => {
  const res = await request.get("/v1/no-such-thing");
  expect(res.status()).toBe(401);
  expect(res.headers()["content-type"]).toContain("application/json");
  expect(res.headers()["www-authenticate"]).toBe('Bearer realm="eCourier API"');
  expect(await res.json()).toEqual({ error: { code: "missing_credentials", message: expect.any(String) } });
});
