// /v1/shipments: create, list and fetch shipments of the caller's team in the caller's environment.
import { Hono, type Context } from "hono";
import { createShipment, findShipment, listShipments, type ShipmentScope } from "@/lib/shipments";
import { CreateShipment, ListShipments, ShipmentId } from "@/lib/validation/shipments";
import type { ApiEnv } from "../context";
import { apiError, invalidRequest } from "../errors";
import { principalOf } from "../principal";

function scopeOf(c: Context<ApiEnv>): ShipmentScope {
  const { team, environment } = principalOf(c);
  return { teamId: team.id, environment };
}

export const shipments = new Hono<ApiEnv>()
  .post("/", async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return apiError(c, 400, "invalid_request", "The request body must be a JSON object.");
    }
    const parsed = CreateShipment.safeParse(body);
    if (!parsed.success) return invalidRequest(c, parsed.error);
    const shipment = await createShipment(scopeOf(c), principalOf(c).credential.id, parsed.data);
    return c.json(shipment, 201);
  })
  .get("/", async (c) => {
    const parsed = ListShipments.safeParse(c.req.query());
    if (!parsed.success) return invalidRequest(c, parsed.error);
    return c.json(await listShipments(scopeOf(c), parsed.data));
  })
  .get("/:id", async (c) => {
    const id = ShipmentId.safeParse(c.req.param("id"));
    // Another team's or environment's shipment is "not found" too: its existence is not revealed.
    const shipment = id.success ? await findShipment(scopeOf(c), id.data) : null;
    return shipment ? c.json(shipment) : apiError(c, 404, "not_found", "No such shipment.");
  });
