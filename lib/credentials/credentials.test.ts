import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { apiCredentials, credentialEvents, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed";
import {
  createCredential,
  deleteCredential,
  enableCredential,
  LEAKED_TOKEN_WARNING,
  listCredentials,
  renameCredential,
  revokeCredential,
} from ".";
import { hashToken } from "./tokens";
import { accessFor } from "@/lib/testing";

let owner: { userId: string };

beforeAll(async () => {
  const db = await getDb();
  await seedDemoData(db);
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.email} = 'owner@example.com'`);
  owner = { userId: row.id };
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
    const made = [
      await createCredential(await accessFor(owner, "acme", "test"), { name: "ERP production" }),
      await createCredential(await accessFor(owner, "acme", "live"), { name: "Shop" }),
      await createCredential(await accessFor(owner, "acme", "test"), { name: "To delete" }),
    ];
    const [first, , third] = made;
    await renameCredential(await accessFor(owner, "acme", "test"), { id: first.credential.id, name: "ERP" });
    await revokeCredential(await accessFor(owner, "acme", "test"), { id: first.credential.id });
    await enableCredential(await accessFor(owner, "acme", "test"), { id: first.credential.id });
    await deleteCredential(await accessFor(owner, "acme", "test"), { id: third.credential.id });

    for (const { token } of made) {
      expect(await cellsContaining(token)).toEqual([]);
      expect(await cellsContaining(token.slice("pk_test_".length, -4))).toEqual([]);
    }
    // The search itself works: it finds the hash where it belongs.
    expect(await cellsContaining(hashToken(first.token))).toEqual(["public.api_credentials.token_hash"]);
  });

  it("lists newest first, filters by name (wildcards literal) and status, and pages by 50", async () => {
    const created: string[] = [];
    for (let i = 1; i <= 53; i++)
      created.push(
        (await createCredential(await accessFor(owner, "acme", "live"), { name: `Batch ${i}` })).credential.id,
      );
    const special = await createCredential(await accessFor(owner, "acme", "live"), { name: "100%_sure" });
    await revokeCredential(await accessFor(owner, "acme", "live"), { id: created[0] });

    const first = await listCredentials(await accessFor(owner, "acme", "live"), {
      name: "Batch",
      status: "all",
      page: 1,
    });
    expect(first.total).toBe(53);
    expect(first.credentials).toHaveLength(50);
    expect(first.credentials[0].name).toBe("Batch 53");
    const second = await listCredentials(await accessFor(owner, "acme", "live"), {
      name: "batch",
      status: "all",
      page: 2,
    });
    expect(second.credentials.map((c) => c.name)).toEqual(["Batch 3", "Batch 2", "Batch 1"]);
    const past = await listCredentials(await accessFor(owner, "acme", "live"), {
      name: "Batch",
      status: "all",
      page: 9,
    });
    expect(past.page).toBe(2);

    const revoked = await listCredentials(await accessFor(owner, "acme", "live"), {
      name: "",
      status: "revoked",
      page: 1,
    });
    expect(revoked.credentials.map((c) => c.id)).toEqual([created[0]]);
    const percent = await listCredentials(await accessFor(owner, "acme", "live"), {
      name: "0%_",
      status: "all",
      page: 1,
    });
    expect(percent.credentials.map((c) => c.id)).toEqual([special.credential.id]);
    expect(
      (await listCredentials(await accessFor(owner, "acme", "live"), { name: "%", status: "all", page: 1 })).total,
    ).toBe(1);

    expect(first.credentials[0]).toEqual({
      id: created[52],
      name: "Batch 53",
      tokenDisplay: expect.stringMatching(/^pk_live_.{4}….{4}$/),
      status: "active",
      createdBy: "Olivia Owner",
      createdAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
      expiresAt: null,
      rolledAt: null,
      replacedBy: null,
      replaces: null,
      lastUsedAddress: null,
      allowedAddresses: [],
      revokedReason: null,
      leak: null,
      requests24h: 0,
    });
  });
});

describe("a credential whose token was found in public", () => {
  const leakedAt = new Date("2026-03-10T12:00:00.000Z");
  const url = "https://github.com/acme/erp/blob/main/.env";

  /** As a secret-scanning report leaves it (lib/credentials/leaks.ts): revoked with reason "leaked", where and when recorded. */
  async function leaked(name: string) {
    const access = await accessFor(owner, "acme", "test");
    const { credential } = await createCredential(access, { name });
    const db = await getDb();
    await db
      .update(apiCredentials)
      .set({
        status: "revoked",
        revokedAt: leakedAt,
        revokedReason: "leaked",
        leakedAt,
        leakUrl: url,
        leakSource: "commit",
      })
      .where(eq(apiCredentials.id, credential.id));
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

  it("is listed with its leak, Leaked reason and in the list's leak notices until rolled", async () => {
    const id = await leaked("Leaky ERP");
    const page = await listCredentials(await accessFor(owner, "acme", "test"), {
      name: "Leaky ERP",
      status: "all",
      page: 1,
    });
    expect(page.credentials[0]).toMatchObject({
      id,
      status: "revoked",
      revokedReason: "leaked",
      leak: { at: leakedAt.toISOString(), url, source: "commit" },
    });
    expect(page.leaks).toContainEqual({ id, name: "Leaky ERP", url, at: leakedAt.toISOString(), revoked: true });
  });

  it("is not enabled without acknowledging the leak: a conflict with the warning, and nothing changes", async () => {
    const id = await leaked("Leaky shop");
    await expect(enableCredential(await accessFor(owner, "acme", "test"), { id })).rejects.toMatchObject({
      code: "conflict",
      message: LEAKED_TOKEN_WARNING,
    });
    await expect(
      enableCredential(await accessFor(owner, "acme", "test"), { id, acknowledgeLeak: false }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await stateOf(id)).toEqual({ status: "revoked", revokedReason: "leaked", events: [] });
  });

  it("is enabled once acknowledged, and the activity log records that its token was found in public", async () => {
    const id = await leaked("Leaky warehouse");
    const enabled = await enableCredential(await accessFor(owner, "acme", "test"), { id, acknowledgeLeak: true });
    // Still marked found in public (the list and its page keep saying so), no longer revoked.
    expect(enabled).toMatchObject({ status: "active", revokedReason: null, leak: { url } });
    expect(await stateOf(id)).toEqual({
      status: "active",
      revokedReason: null,
      events: [{ action: "enabled", details: { leaked: true, tokenDisplay: enabled.tokenDisplay } }],
    });
  });

  it("never needed the acknowledgement when its token was not found in public", async () => {
    const access = await accessFor(owner, "acme", "test");
    const { credential } = await createCredential(access, { name: "Quiet ERP" });
    await revokeCredential(access, { id: credential.id });
    expect(await enableCredential(access, { id: credential.id })).toMatchObject({ status: "active" });
    expect((await stateOf(credential.id)).events).toEqual([
      { action: "enabled", details: { tokenDisplay: credential.tokenDisplay } },
    ]);
  });
});
