// store.ts is the one owner of a credential's state: no other source file of lib/ or api/ writes
// api_credentials' status, revoked_at, revoked_reason or expires_at (checked by reading the tree, with
// planted writers to prove the check fails), and its transitions behave: on the database's clock,
// guarded by the current status, never on every row.
import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { apiCredentials } from "@/db/schema";
import { seededTeams, type SeededTeams } from "@/lib/testing";
import { createCredential } from "./commands";
import { enable, revoke, setExpiry } from "./store";

const STORE = "lib/credentials/store.ts";
/** The columns as drizzle names them (object keys) and as SQL does. */
const STATE_KEYS = ["status", "revokedAt", "revokedReason", "expiresAt"];
const STATE_COLUMNS = ["status", "revoked_at", "revoked_reason", "expires_at"];

/** The text inside the parentheses opening at `open` (no special case for strings: the sources here balance). */
function inside(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === "(") depth++;
    else if (source[i] === ")" && --depth === 0) return source.slice(open + 1, i);
  }
  return source.slice(open + 1);
}

/** Where a source writes a state column of api_credentials, as "file: what"; empty: nowhere. */
function stateWrites(file: string, source: string): string[] {
  const found: string[] = [];
  // drizzle: .update(apiCredentials).set({…}) and .insert(apiCredentials).values({…}), up to the statement's end.
  for (const m of source.matchAll(/\.(update|insert)\(\s*(?:\w+\.)?apiCredentials\s*\)/g)) {
    const statement = source.slice(m.index! + m[0].length).split(/;\s*$/m)[0];
    for (const call of statement.matchAll(/\.(set|values|onConflictDoUpdate)\(/g)) {
      const argument = inside(statement, call.index! + call[0].length - 1).trim();
      const keys = STATE_KEYS.filter((key) => new RegExp(`(^|[{,\\s])${key}\\s*[:,}]`).test(argument));
      if (keys.length) found.push(`${file}: .${call[1]}() of ${keys.join(", ")}`);
      // What a variable or a spread holds cannot be read here: only store.ts may write that way.
      else if (!argument.startsWith("{") || /\.\.\./.test(argument))
        found.push(`${file}: .${call[1]}() of values it cannot see`);
    }
  }
  // SQL text (a template, a string): UPDATE … SET and INSERT INTO …(columns); drizzle's `${…}` names read as SQL.
  const text = source
    .replace(/\$\{\s*(?:\w+\.)?apiCredentials\s*\}/g, "api_credentials")
    .replace(/\$\{\s*(?:\w+\.)?apiCredentials\.(\w+)\s*\}/g, (_, key: string) =>
      key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
    );
  for (const m of text.matchAll(
    /\bupdate\s+"?api_credentials"?(?:\s+(?:as\s+)?\w+)?\s+set\b([\s\S]*?)(?:\bwhere\b|\breturning\b|`|"|;|$)/gi,
  )) {
    const columns = STATE_COLUMNS.filter((column) => new RegExp(`\\b${column}"?\\s*=`, "i").test(m[1]));
    if (columns.length) found.push(`${file}: update … set ${columns.join(", ")}`);
  }
  for (const m of text.matchAll(/\binsert\s+into\s+"?api_credentials"?\s*\(([^)]*)\)/gi)) {
    const columns = STATE_COLUMNS.filter((column) => new RegExp(`\\b${column}\\b`, "i").test(m[1]));
    if (columns.length) found.push(`${file}: insert into … (${columns.join(", ")})`);
  }
  return found;
}

/** The source files of lib/ and api/, tests and test-only helpers (which plant states on purpose) left out. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && entry.name !== "testing.ts" ? [full] : [];
  });
}

describe("the one writer of a credential's state", () => {
  it("no source file of lib/ or api/ but store.ts writes status, revoked_at, revoked_reason or expires_at", () => {
    const files = [...sources("lib"), ...sources("api")];
    expect(files).toContain("lib/credentials/commands.ts");
    expect(files).toContain("lib/usage/demo.ts");
    const writes = files.filter((f) => f !== STORE).flatMap((f) => stateWrites(f, fs.readFileSync(f, "utf8")));
    expect(writes).toEqual([]);
  });

  it("the check sees store.ts's own writes", () => {
    const writes = stateWrites(STORE, fs.readFileSync(STORE, "utf8")).join("\n");
    for (const key of STATE_KEYS) expect(writes).toContain(key);
  });

  // Each planted writer must be reported; each planted non-writer must not.
  const planted: [what: string, source: string][] = [
    ["a revoke", 'await tx.update(apiCredentials).set({ status: "revoked", revokedAt: new Date() }).where(w);'],
    ["over lines", 'await tx\n  .update(apiCredentials)\n  .set({\n    revokedReason: "manual",\n  })\n  .where(w);'],
    ["a shorthand on insert", "await db.insert(schema.apiCredentials).values({ teamId, expiresAt });"],
    ["a spread", "await tx.update(apiCredentials).set({ ...changes, updatedAt: now }).where(w);"],
    ["a variable", "await tx.update(apiCredentials).set(changes).where(w);"],
    ["raw SQL", "await db.execute(sql`update api_credentials set revoked_at = now() where id = ${id}`);"],
    ["raw SQL with an alias", 'await client.query("UPDATE api_credentials c SET expires_at = now() WHERE c.id = $1");'],
    [
      "drizzle names in SQL",
      "await tx.execute(sql`update ${apiCredentials} set ${apiCredentials.status} = 'revoked'`);",
    ],
    ["a raw insert", "await tx.execute(sql`insert into api_credentials (team_id, expires_at) values (${a}, now())`);"],
  ];
  for (const [what, source] of planted) {
    it(`reports a planted writer: ${what}`, () => {
      expect(stateWrites("lib/usage/x.ts", source)).not.toEqual([]);
    });
  }
  const harmless: [what: string, source: string][] = [
    [
      "a rename, guarded and returning state",
      "await tx.update(apiCredentials).set({ name: input.name, updatedAt: new Date() })" +
        '.where(eq(apiCredentials.status, "active")).returning({ expiresAt: apiCredentials.expiresAt });',
    ],
    ["another table's revoked_at", "await tx.update(invitations).set({ revokedAt: new Date() }).where(w);"],
    [
      "a read",
      "db.select({ status: apiCredentials.status, expiresAt: apiCredentials.expiresAt }).from(apiCredentials);",
    ],
    ["raw SQL filtering by state", "sql`update api_credentials set last_used_at = now() where status = 'active'`"],
  ];
  for (const [what, source] of harmless) {
    it(`does not report ${what}`, () => {
      expect(stateWrites("lib/usage/x.ts", source)).toEqual([]);
    });
  }
});

describe("the transitions", () => {
  let seeded: SeededTeams;
  beforeAll(async () => {
    seeded = await seededTeams();
  });

  const stateOf = async (id: string) => {
    const db = await getDb();
    const [row] = await db
      .select({
        status: apiCredentials.status,
        revokedAt: apiCredentials.revokedAt,
        revokedReason: apiCredentials.revokedReason,
        expiresAt: apiCredentials.expiresAt,
        updatedAt: apiCredentials.updatedAt,
      })
      .from(apiCredentials)
      .where(eq(apiCredentials.id, id));
    return row;
  };
  const fresh = async () => (await createCredential(seeded.owner, { name: "Transitions" })).credential.id;

  it("revoke writes the database's now() and the reason; revoking again keeps the first time and reason", async () => {
    const id = await fresh();
    const db = await getDb();
    const at = await db.transaction(async (tx) => {
      expect(await revoke(tx, eq(apiCredentials.id, id), "leaked").returning({ id: apiCredentials.id })).toEqual([
        { id },
      ]);
      return (await tx.execute<{ now: string }>(sql`select now()::text as now`)).rows[0].now;
    });
    const revoked = await stateOf(id);
    expect(revoked).toMatchObject({ status: "revoked", revokedReason: "leaked" });
    expect(revoked.revokedAt).toEqual(new Date(at));
    expect(revoked.updatedAt).toEqual(revoked.revokedAt);

    expect(await revoke(db, eq(apiCredentials.id, id), "manual").returning({ id: apiCredentials.id })).toEqual([]);
    expect(await stateOf(id)).toEqual(revoked);
  });

  it("revoke at a given time writes that time (made-up history)", async () => {
    const id = await fresh();
    await revoke(await getDb(), eq(apiCredentials.id, id), "manual", sql`'2026-03-10T12:00:00Z'::timestamptz`);
    expect(await stateOf(id)).toMatchObject({
      status: "revoked",
      revokedReason: "manual",
      revokedAt: new Date("2026-03-10T12:00:00Z"),
    });
  });

  it("enable clears the time and the reason and leaves the expiry; an active credential is left as it is", async () => {
    const id = await fresh();
    const db = await getDb();
    await setExpiry(db, eq(apiCredentials.id, id), sql`'2031-01-01T00:00:00Z'::timestamptz`);
    await revoke(db, eq(apiCredentials.id, id), "public_report");
    expect(await enable(db, eq(apiCredentials.id, id)).returning({ id: apiCredentials.id })).toEqual([{ id }]);
    expect(await stateOf(id)).toMatchObject({
      status: "active",
      revokedAt: null,
      revokedReason: null,
      expiresAt: new Date("2031-01-01T00:00:00Z"),
    });
    expect(await enable(db, eq(apiCredentials.id, id)).returning({ id: apiCredentials.id })).toEqual([]);
  });

  it("a transition without a condition is refused before it reaches the database", async () => {
    const db = await getDb();
    expect(() => revoke(db, undefined, "manual")).toThrow(/condition/);
    expect(() => enable(db, undefined)).toThrow(/condition/);
    expect(() => setExpiry(db, undefined, null)).toThrow(/condition/);
  });
});
