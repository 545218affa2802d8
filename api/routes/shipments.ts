// /v1/shipments: create, list and fetch shipments of the caller's team in the caller's environment.
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import { createShipment, findShipment, listShipments, type ShipmentScope } from "@/lib/shipments";
import { CreateShipment, ListShipments, Shipment, ShipmentId, ShipmentPage } from "@/lib/shipments";
import type { ApiEnv } from "../context";
import { apiError } from "../errors";
import { answerIdempotently, IDEMPOTENCY_ERRORS, IdempotencyHeaders, REPLAY_HEADERS } from "../idempotency";
import { BODY_ERRORS, CREDENTIAL_ERRORS, CREDENTIAL_HEADERS, json, responses } from "../openapi";
import { principalOf } from "../principal";

function scopeOf(c: Context<ApiEnv>): ShipmentScope {
  const { team, environment } = principalOf(c);
  return { teamId: team.id, environment };
}

const create = createRoute({
  method: "post",
  path: "/",
  tags: ["Shipments"],
  operationId: "createShipment",
  summary: "Create a shipment",
  request: { headers: IdempotencyHeaders, body: { required: true, content: json(CreateShipment) } },
  responses: responses(
    {
      201: {
        description: "The new shipment (or, replayed, the first request's).",
        headers: { ...CREDENTIAL_HEADERS, ...REPLAY_HEADERS },
        content: json(Shipment),
      },
    },
    { ...CREDENTIAL_ERRORS, ...BODY_ERRORS, ...IDEMPOTENCY_ERRORS },
  ),
});

const list = createRoute({
  method: "get",
  path: "/",
  tags: ["Shipments"],
  operationId: "listShipments",
  summary: "List shipments",
  description: "Newest first. An id outside the caller's team and environment in `starting_after` gives an empty page.",
  request: { query: ListShipments },
  responses: responses(
    { 200: { description: "One page.", headers: CREDENTIAL_HEADERS, content: json(ShipmentPage) } },
    { ...CREDENTIAL_ERRORS, 400: ["invalid_request"] },
  ),
});

const get = createRoute({
  method: "get",
  path: "/{id}",
  tags: ["Shipments"],
  operationId: "getShipment",
  summary: "Get a shipment",
  request: { params: z.object({ id: ShipmentId.meta({ description: "The shipment's id." }) }) },
  responses: responses(
    { 200: { description: "The shipment.", headers: CREDENTIAL_HEADERS, content: json(Shipment) } },
    { ...CREDENTIAL_ERRORS, 404: ["not_found"] },
  ),
});

const noSuchShipment = (c: Context) => apiError(c, 404, "not_found", "No such shipment.");

export const shipments = new OpenAPIHono<ApiEnv>()
  .openapi(create, (c) =>
    answerIdempotently(c, c.req.valid("header")["idempotency-key"], async (tx) => {
      const shipment = await createShipment(scopeOf(c), principalOf(c).credential.id, c.req.valid("json"), tx);
      return { status: 201, body: JSON.stringify(shipment) };
    }),
  )
  .openapi(list, async (c) => c.json(await listShipments(scopeOf(c), c.req.valid("query")), 200))
  .openapi(
    get,
    async (c) => {
      // Another team's or environment's shipment is "not found" too: its existence is not revealed.
      const shipment = await findShipment(scopeOf(c), c.req.valid("param").id);
      return shipment ? c.json(shipment, 200) : noSuchShipment(c);
    },
    // An id that is not a UUID cannot name a shipment: not found, as for any other.
    (result, c) => (result.success ? undefined : noSuchShipment(c)),
  );
