// "Expired" and "expiring soon" read the same in SQL and in TypeScript: rows in the real database, at
// and around each boundary, judged by the SQL rules (as the list's filters and /v1's lookup run them)
// and by the TypeScript ones (as a credential's status is shown), with one fixed `now` given to both.
// Also in a time zone with daylight saving time, where "7 days" of SQL can be 167 or 169 hours.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { apiCredentials } from "@/db/schema";
import { lookupQuery, readChecks } from "@/lib/api-access/lookup";
import { seededTeams, type SeededTeams } from "@/lib/testing";
import {
  createCredential,
  credentialStatusCondition,
  getCredential,
  hashToken,
  revokeCredential,
  rollCredential,
  setExpiry,
} from "..";
import { credentialState } from "./state";
import { EXPIRING_SOON_DAYS, expiredSql, expiringSoonSql, isExpired, isExpiringSoon } from "./expiry-rules";

const SECOND = 1000;
const DAY = 86_400 * SECOND;
const WINDOW = EXPIRING_SOON_DAYS * DAY;
/** Four days before daylight saving time starts in New York (2031-03-09): "7 days" from it are 167 hours there. */
const NOW = Date.parse("2031-03-05T12:00:00.000Z");
const nowSql = sql`${new Date(NOW).toISOString()}::timestamptz`;

type Row = { name: string; expiresIn: number | null; revoked?: boolean; replaced?: boolean };
type Answers = { expired: boolean; expiringSoon: boolean };

/** Each row with the answers both readings must give at NOW. */
const rows: [Row, Answers][] = [
  [
    { name: "expired 1 s ago", expiresIn: -SECOND },
    { expired: true, expiringSoon: false },
  ],
  [
    { name: "expires exactly now", expiresIn: 0 },
    { expired: true, expiringSoon: false },
  ],
  [
    { name: "expires in 1 s", expiresIn: SECOND },
    { expired: false, expiringSoon: true },
  ],
  [
    { name: "expires in the window less 1 s", expiresIn: WINDOW - SECOND },
    { expired: false, expiringSoon: true },
  ],
  [
    { name: "expires at the window's end", expiresIn: WINDOW },
    { expired: false, expiringSoon: true },
  ],
  [
    { name: "expires in the window and 1 s", expiresIn: WINDOW + SECOND },
    { expired: false, expiringSoon: false },
  ],
  [
    { name: "never expires", expiresIn: null },
    { expired: false, expiringSoon: false },
  ],
  [
    { name: "revoked, expires in 1 day", expiresIn: DAY, revoked: true },
    { expired: false, expiringSoon: false },
  ],
  [
    { name: "revoked, expired 1 s ago", expiresIn: -SECOND, revoked: true },
    { expired: true, expiringSoon: false },
  ],
  [
    { name: "never expires, revoked", expiresIn: null, revoked: true },
    { expired: false, expiringSoon: false },
  ],
  [
    { name: "rolled, ends in 1 day", expiresIn: DAY, replaced: true },
    { expired: false, expiringSoon: false },
  ],
];

let seeded: SeededTeams;
const made: { row: Row; answers: Answers; id: string; token: string }[] = [];

beforeAll(async () => {
  seeded = await seededTeams();
  const db = await getDb();
  for (const [row, answers] of rows) {
    const { credential, token } = await createCredential(seeded.owner, { name: row.name });
    if (row.replaced) await rollCredential(seeded.owner, { id: credential.id, grace: "7d" });
    if (row.revoked) await revokeCredential(seeded.owner, { id: credential.id });
    const expiresAt = row.expiresIn === null ? null : sql`${new Date(NOW + row.expiresIn).toISOString()}::timestamptz`;
    await setExpiry(db, eq(apiCredentials.id, credential.id), expiresAt);
    made.push({ row, answers, id: credential.id, token });
  }
});

/** The SQL readings of one row at NOW: the rules, the list's status filters, and /v1's lookup. */
async function sqlReadings(id: string, token: string, timeZone: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local time zone '${timeZone}'`));
    const is = (condition: ReturnType<typeof expiredSql> | undefined) => sql<boolean>`coalesce(${condition}, false)`;
    const [rules] = await tx
      .select({
        expired: is(expiredSql(apiCredentials.expiresAt, nowSql)),
        expiringSoon: is(expiringSoonSql(apiCredentials, nowSql)),
        activeFilter: is(credentialStatusCondition("active", nowSql)),
        expiredFilter: is(credentialStatusCondition("expired", nowSql)),
        expiringSoonFilter: is(credentialStatusCondition("expiring_soon", nowSql)),
      })
      .from(apiCredentials)
      .where(eq(apiCredentials.id, id));
    const lookup = await tx.execute<{ checks: string }>(lookupQuery(sql`${hashToken(token)}`, nowSql));
    return { ...rules, lookupState: readChecks(lookup.rows[0].checks).state };
  });
}

describe("expired and expiring soon, in SQL and in TypeScript, at one now", () => {
  for (const timeZone of ["UTC", "America/New_York"]) {
    it(`give the same answers on every row, the boundaries included (session time zone ${timeZone})`, async () => {
      expect(made).toHaveLength(rows.length);
      for (const { row, answers, id, token } of made) {
        const dto = await getCredential(seeded.owner, id);
        const expiresAt = dto.expiresAt === null ? null : Date.parse(dto.expiresAt);
        const replaced = dto.replacedBy !== null;
        expect(expiresAt === null ? null : expiresAt - NOW, row.name).toBe(row.expiresIn);
        expect(replaced, row.name).toBe(Boolean(row.replaced));

        const ts = {
          expired: isExpired(expiresAt, NOW),
          expiringSoon: isExpiringSoon({ status: dto.status, expiresAt, replaced }, NOW),
        };
        const state = credentialState(dto, NOW);
        const db = await sqlReadings(id, token, timeZone);
        expect({ row: row.name, ...ts }).toEqual({ row: row.name, ...answers });
        expect({ row: row.name, expired: state.expired, expiringSoon: state.expiringSoon }).toEqual({
          row: row.name,
          ...answers,
        });
        expect({ row: row.name, ...db }).toEqual({
          row: row.name,
          ...answers,
          activeFilter: !row.revoked && !answers.expired,
          expiredFilter: answers.expired,
          expiringSoonFilter: answers.expiringSoon,
          lookupState: row.revoked ? "revoked" : answers.expired ? "expired" : "active",
        });
      }
    });
  }
});
