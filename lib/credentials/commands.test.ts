// Creating, renaming, revoking, enabling and deleting credentials (commands.ts), in the database: no
// token is ever stored, and a token found in public is enabled only once the member acknowledges it.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { apiCredentials, credentialEvents } from "@/db/schema";
import {
  createCredential,
  deleteCredential,
  enableCredential,
  LEAKED_TOKEN_WARNING,
  recordLeaks,
  renameCredential,
  revokeCredential,
} from ".";
import { hashToken } from "./tokens";
import { seededTeams, type SeededTeams } from "@/lib/testing";

let seeded: SeededTeams;

beforeAll(async () => {
  seeded = await seededTeams();
});

/** How many cells of every column of every table (public and drizzle schemas) contain the text. */
async function cellsContaining(text: string): Promise<string[]> {
  const db = await getDb();
  const columns = await db.execute<{ table_schema: string; table_name: string; column_name: string }>(sql`
    select table_schema, table_name, column_name from information_schema.columns
    where table_schema in ('public', 'drizzle') order by 1, 2, 3`);
  expect(columns.rows.length).toBeGreaterThan(30);
  const found: string[] = [];
  for (const c of columns.rows) {
    const table = sql.raw(`"${c.table_schema}"."${c.table_name}"`);
    const column = sql.raw(`"${c.column_name}"`);
    const hits = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from ${table} where strpos(${column}::text, ${text}) > 0`,
    );
    if (hits.rows[0].n > 0) found.push(`${c.table_schema}.${c.table_name}.${c.column_name}`);
  }
  return found;
}

describe("credentials in the database", () => {
  it("no column of any table holds a token, nor its secret part, after create, rename, revoke, enable and delete", async () => {
    const { owner, ownerLive } = seeded;
    const made = [
      await createCredential(owner, { name: "ERP production" }),
      await createCredential(ownerLive, { name: "Shop" }),
      await createCredential(owner, { name: "To delete" }),
    ];
    const [first, , third] = made;
    await renameCredential(owner, { id: first.credential.id, name: "ERP" });
    await revokeCredential(owner, { id: first.credential.id });
    await enableCredential(owner, { id: first.credential.id });
    await deleteCredential(owner, { id: third.credential.id });

    for (const { token } of made) {
      expect(await cellsContaining(token)).toEqual([]);
      expect(await cellsContaining(token.slice("pk_test_".length, -4))).toEqual([]);
    }
    // The search itself works: it finds the hash where it belongs.
    expect(await cellsContaining(hashToken(first.token))).toEqual(["public.api_credentials.token_hash"]);
  });
});

describe("a credential whose token was found in public", () => {
  const url = "https://github.com/acme/erp/blob/main/.env";

  /** A new Test credential of acme as a secret-scanning report leaves it (Acme's setting: revoke it). */
  async function leaked(name: string) {
    const { credential, token } = await createCredential(seeded.owner, { name });
    await recordLeaks([{ token, type: "ecourier_api_token", url, source: "commit" }]);
    return credential.id;
  }
  const stateOf = async (id: string) => {
    const db = await getDb();
    const [row] = await db
      .select({ status: apiCredentials.status, revokedReason: apiCredentials.revokedReason })
      .from(apiCredentials)
      .where(eq(apiCredentials.id, id));
    const events = await db
      .select({ action: credentialEvents.action, details: credentialEvents.details })
      .from(credentialEvents)
      .where(and(eq(credentialEvents.credentialId, id), eq(credentialEvents.action, "enabled")));
    return { ...row, events };
  };

  it("is not enabled without acknowledging the leak: a conflict with the warning, and nothing changes", async () => {
    const id = await leaked("Leaky shop");
    await expect(enableCredential(seeded.owner, { id })).rejects.toMatchObject({
      code: "conflict",
      message: LEAKED_TOKEN_WARNING,
    });
    await expect(enableCredential(seeded.owner, { id, acknowledgeLeak: false })).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await stateOf(id)).toEqual({ status: "revoked", revokedReason: "leaked", events: [] });
  });

  it("is enabled once acknowledged, and the activity log records that its token was found in public", async () => {
    const id = await leaked("Leaky warehouse");
    const enabled = await enableCredential(seeded.owner, { id, acknowledgeLeak: true });
    // Still marked found in public (the list and its page keep saying so), no longer revoked.
    expect(enabled).toMatchObject({ status: "active", revokedReason: null, revokedAt: null, leak: { url } });
    expect(await stateOf(id)).toEqual({
      status: "active",
      revokedReason: null,
      events: [{ action: "enabled", details: { leaked: true, tokenDisplay: enabled.tokenDisplay } }],
    });
  });

  it("never needed the acknowledgement when its token was not found in public", async () => {
    const { credential } = await createCredential(seeded.owner, { name: "Quiet ERP" });
    await revokeCredential(seeded.owner, { id: credential.id });
    expect(await enableCredential(seeded.owner, { id: credential.id })).toMatchObject({ status: "active" });
    expect((await stateOf(credential.id)).events).toEqual([
      { action: "enabled", details: { tokenDisplay: credential.tokenDisplay } },
    ]);
  });
});
