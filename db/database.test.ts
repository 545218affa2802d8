import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { drizzleFor, getDb, openDatabase, type DatabaseConfig, type Db } from "./";
import { apiCredentials, memberships, teams, users } from "./schema";
import { demoUsers, seedDemoData } from "./seed";
import { createScratchPostgres } from "./testing";
import { generateToken, hashToken, displayToken } from "@/lib/credentials/tokens";

async function schemaSnapshot(db: Db) {
  const result = await db.execute(sql`
    select table_name, column_name, data_type, is_nullable, column_default
    from information_schema.columns where table_schema = 'public' order by table_name, column_name`);
  const indexes = await db.execute(
    sql`select indexname, indexdef from pg_indexes where schemaname = 'public' order by indexname`,
  );
  const migrations = await db.execute(sql`select hash from drizzle.__drizzle_migrations order by id`);
  return { columns: result.rows, indexes: indexes.rows, migrations: migrations.rows };
}

describe("database", () => {
  it("migrations apply to an empty database, and again with no change", async () => {
    const serverUrl = process.env.TEST_POSTGRES_SERVER_URL;
    const scratch = serverUrl ? await createScratchPostgres(serverUrl) : null;
    // In-memory PGlite cannot be reopened, so on PGlite use a temporary data directory.
    const dir = scratch ? null : (await import("node:fs")).mkdtempSync("/tmp/ecourier-migrate-");
    const config: DatabaseConfig = scratch ? { url: scratch.url } : { dataDir: dir };
    try {
      const first = await openDatabase(config);
      const before = await schemaSnapshot(drizzleFor(first));
      await first.close();
      const second = await openDatabase(config);
      const after = await schemaSnapshot(drizzleFor(second));
      await second.close();
      expect(before.columns.length).toBeGreaterThan(20);
      expect(before.migrations.length).toBeGreaterThan(0);
      expect(after).toEqual(before);
    } finally {
      await scratch?.drop();
      if (dir) (await import("node:fs")).rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the unique token-hash index refuses a duplicate credential hash", async () => {
    const db = await getDb();
    const [team] = await db.insert(teams).values({ slug: "dup-test", name: "Dup" }).returning();
    const token = generateToken("test");
    const row = {
      teamId: team.id,
      environment: "test" as const,
      name: "a",
      tokenHash: hashToken(token),
      tokenDisplay: displayToken(token),
    };
    await db.insert(apiCredentials).values(row);
    await expect(db.insert(apiCredentials).values({ ...row, name: "b" })).rejects.toThrow();
    const rows = await db.select().from(apiCredentials).where(eq(apiCredentials.teamId, team.id));
    expect(rows).toHaveLength(1);
  });

  it("refuses an unknown role and an upper-case email", async () => {
    const db = await getDb();
    const [team] = await db.insert(teams).values({ slug: "role-test", name: "Role" }).returning();
    const [user] = await db.insert(users).values({ email: "r@example.com", name: "R", passwordHash: "x" }).returning();
    await expect(
      db.execute(sql`insert into memberships (team_id, user_id, role) values (${team.id}, ${user.id}, 'superuser')`),
    ).rejects.toThrow();
    await expect(
      db.insert(users).values({ email: "Upper@Example.com", name: "U", passwordHash: "x" }),
    ).rejects.toThrow();
    expect(await db.select().from(memberships).where(eq(memberships.userId, user.id))).toHaveLength(0);
  });

  it("seeds the demo data once: a second run leaves the same rows", async () => {
    const db = await getDb();
    await db.delete(apiCredentials);
    await db.delete(memberships);
    await db.delete(users);
    await db.delete(teams);
    const snapshot = async () => ({
      users: await db.select().from(users).orderBy(users.email),
      teams: await db.select().from(teams).orderBy(teams.slug),
      memberships: await db.select().from(memberships).orderBy(memberships.teamId, memberships.userId),
    });
    expect(await seedDemoData(db)).toBe(true);
    const first = await snapshot();
    expect(await seedDemoData(db)).toBe(false);
    expect(await snapshot()).toEqual(first);
    expect(first.users.map((u) => u.email).sort()).toEqual(demoUsers.map((u) => u.email).sort());
    expect(first.teams.map((t) => t.name)).toEqual(["Acme Logistics", "Globex Freight"]);
    expect(first.memberships).toHaveLength(6);
  });
});

// PostgreSQL only: PGlite has no connections to lose.
if (process.env.TEST_POSTGRES_SERVER_URL)
  describe("PostgreSQL connection pool", () => {
    it("survives an idle connection being terminated by the server", async () => {
      const db = await getDb();
      await db.execute(sql`select 1`); // leaves an idle connection in the pool
      const serverUrl = process.env.TEST_POSTGRES_SERVER_URL!;
      const { Client } = await import("pg");
      const admin = new Client({ connectionString: serverUrl });
      await admin.connect();
      const dbName = new URL(process.env.DATABASE_URL!).pathname.slice(1);
      await admin.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
        [dbName],
      );
      await admin.end();
      await new Promise((r) => setTimeout(r, 200)); // the pool sees the error on its idle connection
      const result = await db.execute(sql`select 2 as two`);
      expect(result.rows).toEqual([{ two: 2 }]);
    });
  });
