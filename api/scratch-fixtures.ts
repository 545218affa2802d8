// Test-only: rows straight into a scratch database that real API processes serve (the *-instances,
// crash, shutdown and outage tests), through the test's own pg client rather than this process's.
import type pg from "pg";
import { displayToken, generateToken, hashToken } from "@/lib/credentials";

/** A team and one Test credential of it named ERP; its id and the credential's token. */
export async function insertTeamWithCredential(
  db: pg.Client,
  slug: string,
  name: string,
): Promise<{ teamId: string; token: string }> {
  const team = await db.query<{ id: string }>("insert into teams (slug, name) values ($1, $2) returning id", [
    slug,
    name,
  ]);
  const token = generateToken("test");
  await db.query(
    "insert into api_credentials (team_id, environment, name, token_hash, token_display) values ($1, 'test', 'ERP', $2, $3)",
    [team.rows[0].id, hashToken(token), displayToken(token)],
  );
  return { teamId: team.rows[0].id, token };
}

/** A parcel for POST /v1/shipments; `reference` names it. */
export const parcel = (reference: string) => ({
  reference,
  recipient: { name: "Ada Lovelace", address: "12 St James's Square, London" },
  weight_grams: 1200,
});

/** POST /v1/shipments on a served instance with an Idempotency-Key, from a documentation address. */
export function postShipment(origin: string, token: string, key: string, body: unknown, address = "203.0.113.7") {
  return fetch(`${origin}/v1/shipments`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      "idempotency-key": key,
      "x-forwarded-for": address,
    },
    body: JSON.stringify(body),
  });
}
