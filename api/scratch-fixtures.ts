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
