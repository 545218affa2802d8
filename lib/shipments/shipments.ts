// Shipments data access for the /v1 API. Every query is scoped by team AND environment:
// a key acts only for its own team in its own environment; anything else is "not found".
import "server-only";
import { and, desc, eq, lt, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { shipments } from "@/db/schema";
import type { Environment } from "@/lib/platform/shared";
import type { CreateShipment, ListShipments, Shipment } from "./schemas";

export type ShipmentScope = { teamId: string; environment: Environment };

/** The shipment as the API shows it (its schema is the OpenAPI document's). */
export type ShipmentDto = Shipment;

type ShipmentRow = typeof shipments.$inferSelect;

function toDto(row: ShipmentRow): ShipmentDto {
  return {
    id: row.id,
    object: "shipment",
    environment: row.environment,
    reference: row.reference,
    recipient: { name: row.recipientName, address: row.recipientAddress },
    weight_grams: row.weightGrams,
    status: row.status,
    created_at: row.createdAt.toISOString(),
  };
}

function inScope(scope: ShipmentScope, ...conditions: SQL[]) {
  return and(eq(shipments.teamId, scope.teamId), eq(shipments.environment, scope.environment), ...conditions);
}

/** `tx`: the transaction to create it in (an idempotent request keeps its response in the same one). */
export async function createShipment(
  scope: ShipmentScope,
  credentialId: string,
  input: CreateShipment,
  tx?: Tx,
): Promise<ShipmentDto> {
  const db = tx ?? (await getDb());
  const [row] = await db
    .insert(shipments)
    .values({
      teamId: scope.teamId,
      environment: scope.environment,
      reference: input.reference ?? null,
      recipientName: input.recipient.name,
      recipientAddress: input.recipient.address,
      weightGrams: input.weight_grams,
      createdByCredentialId: credentialId,
    })
    .returning();
  return toDto(row);
}

export async function findShipment(scope: ShipmentScope, id: string): Promise<ShipmentDto | null> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(shipments)
    .where(inScope(scope, eq(shipments.id, id)))
    .limit(1);
  return row ? toDto(row) : null;
}

/**
 * Newest first. starting_after is the id of the last shipment of the previous page; its position
 * is read in the same query (microsecond timestamps stay in the database), and scoped too, so
 * another team's id yields an empty page.
 */
export async function listShipments(scope: ShipmentScope, { limit, starting_after }: ListShipments) {
  const db = await getDb();
  const after = starting_after
    ? [
        lt(
          sql`(${shipments.createdAt}, ${shipments.id})`,
          sql`(select c.created_at, c.id from ${shipments} c where c.id = ${starting_after} and c.team_id = ${scope.teamId} and c.environment = ${scope.environment})`,
        ),
      ]
    : [];
  const rows = await db
    .select()
    .from(shipments)
    .where(inScope(scope, ...after))
    .orderBy(desc(shipments.createdAt), desc(shipments.id))
    .limit(limit + 1);
  return { data: rows.slice(0, limit).map(toDto), has_more: rows.length > limit };
}
