// Input of the /v1 shipments endpoints (zod 4). Field names are the API's (snake_case).
import { z } from "zod";
import { plainText } from "./text";

export const MAX_WEIGHT_GRAMS = 70_000;

export const CreateShipment = z.object({
  reference: plainText().max(64).optional(),
  recipient: z.object({
    name: plainText().min(1).max(100),
    address: plainText().min(1).max(300),
  }),
  weight_grams: z.int().min(1).max(MAX_WEIGHT_GRAMS),
});
export type CreateShipment = z.infer<typeof CreateShipment>;

export const ListShipments = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(10),
  starting_after: z.uuid().optional(),
});
export type ListShipments = z.infer<typeof ListShipments>;

/** Shipment ids are UUIDs; anything else cannot name a shipment (and must not reach a uuid column). */
export const ShipmentId = z.uuid();

/** Each bad field by its path ("recipient.name") with zod's message; "(body)" for the body as a whole. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join(".") || "(body)"] ??= issue.message;
  return fields;
}
