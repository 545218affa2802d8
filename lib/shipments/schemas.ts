// The /v1 shipments endpoints' input and output (zod 4); the OpenAPI document is generated from
// these (api/openapi.ts). Field names are the API's (snake_case).
import { z } from "zod";
import { environments, shipmentStatuses } from "@/db/schema";
import { nameText, plainText } from "@/lib/platform/shared";

export const MAX_WEIGHT_GRAMS = 70_000;

const Recipient = z.object({
  name: nameText({ max: 100 }),
  address: plainText().min(1).max(300),
});

export const CreateShipment = z
  .object({
    reference: plainText().max(64).optional().meta({ description: "Your own reference, e.g. an order number." }),
    recipient: Recipient,
    weight_grams: z.int().min(1).max(MAX_WEIGHT_GRAMS),
  })
  .meta({
    id: "CreateShipment",
    example: {
      reference: "ORDER-1042",
      recipient: { name: "Ada Lovelace", address: "12 St James's Square, London" },
      weight_grams: 1200,
    },
  });
export type CreateShipment = z.infer<typeof CreateShipment>;

export const ListShipments = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(10).meta({ description: "Page size." }),
  starting_after: z.uuid().optional().meta({ description: "The id of the last shipment of the previous page." }),
});
export type ListShipments = z.infer<typeof ListShipments>;

/** Shipment ids are UUIDs; anything else cannot name a shipment (and must not reach a uuid column). */
export const ShipmentId = z.uuid();

/** A shipment as the API answers with it. */
export const Shipment = z
  .object({
    id: z.uuid(),
    object: z.literal("shipment"),
    environment: z.enum(environments),
    reference: z.string().nullable(),
    recipient: z.object({ name: z.string(), address: z.string() }),
    weight_grams: z.int(),
    status: z.enum(shipmentStatuses),
    created_at: z.iso.datetime().meta({ description: "ISO 8601, UTC." }),
  })
  .meta({
    id: "Shipment",
    example: {
      id: "0b7c8a52-6f1e-4d2a-9c3b-5e4f6a7b8c9d",
      object: "shipment",
      environment: "test",
      reference: "ORDER-1042",
      recipient: { name: "Ada Lovelace", address: "12 St James's Square, London" },
      weight_grams: 1200,
      status: "created",
      created_at: "2026-12-02T12:00:00.000Z",
    },
  });
export type Shipment = z.infer<typeof Shipment>;

/** One page of shipments, newest first. */
export const ShipmentPage = z
  .object({
    data: z.array(Shipment),
    has_more: z.boolean().meta({ description: "Whether another page follows (ask with `starting_after`)." }),
  })
  .meta({ id: "ShipmentPage" });

/** Each bad field by its path ("recipient.name") with zod's message; "(body)" for the body as a whole. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join(".") || "(body)"] ??= issue.message;
  return fields;
}
