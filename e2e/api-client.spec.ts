// An integration written against the generated client: a token from the dashboard, then /v1/me,
// an idempotent create, the list and the shipment by id — all typed from the OpenAPI document.
import { expect, test } from "@playwright/test";
import { apiClient } from "./api-client/client";
import { createAndClose, uniqueName } from "./credentials-page";
import { credentialsUrl, demoAccounts, newClientAddress, useSavedSession } from "./helpers";

test("the generated client calls /v1/me, creates (idempotently), lists and fetches shipments", async ({
  page,
  baseURL,
}) => {
  await useSavedSession(page, demoAccounts.developer);
  await page.goto(credentialsUrl("acme", "test"));
  const name = uniqueName("Typed client");
  const api = apiClient(baseURL!, await createAndClose(page, name), newClientAddress());

  const me = await api.GET("/v1/me");
  expect(me.response.status).toBe(200);
  expect(me.data).toEqual({
    team: { id: expect.any(String), name: "Acme Logistics" },
    environment: "test",
    credential: { id: expect.any(String), name },
  });

  const reference = `TYPED-${name.split(" ").pop()}`;
  const body = {
    reference,
    recipient: { name: "Ada Lovelace", address: "12 St James's Square, London" },
    weight_grams: 1200,
  };
  const key = crypto.randomUUID();
  const created = await api.POST("/v1/shipments", { params: { header: { "idempotency-key": key } }, body });
  expect(created.response.status).toBe(201);
  expect(created.data).toMatchObject({ object: "shipment", environment: "test", reference, status: "created" });
  const retried = await api.POST("/v1/shipments", { params: { header: { "idempotency-key": key } }, body });
  expect(retried.response.headers.get("idempotent-replayed")).toBe("true");
  expect(retried.data).toEqual(created.data);

  const listed = await api.GET("/v1/shipments", { params: { query: { limit: 100 } } });
  expect(listed.response.status).toBe(200);
  expect(listed.data!.data.filter((s) => s.reference === reference)).toHaveLength(1);

  const fetched = await api.GET("/v1/shipments/{id}", { params: { path: { id: created.data!.id } } });
  expect(fetched.data).toEqual(created.data);

  const refused = await api.POST("/v1/shipments", {
    params: { header: { "idempotency-key": key } },
    body: { ...body, weight_grams: 1300 },
  });
  expect(refused.response.status).toBe(422);
  expect(refused.error?.error.code).toBe("idempotency_key_reused");
});
