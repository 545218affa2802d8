// The /v1 lookup (docs/decisions/003-packed-lookup-column.md): the one indexed query from a token's
// hash to its credential and team, and the five facts it packs into one text column, `checks` — the
// SQL that encodes them and the TypeScript that decodes them, together so they change together
// (lookup.test.ts runs rows of the database through both). "Expired" is the rule the dashboard
// uses too (lib/credentials/shared/expiry-rules.ts), on the database's clock.
import "server-only";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { getDatabaseClient, openDatabaseClient } from "@/db";
import { databaseNow, expiredSql } from "@/lib/credentials/shared";
import type { Environment } from "@/lib/platform/shared";

const c = (column: string) => sql.raw(`c.${column}`);

/**
 * The lookup, with the token hash and the clock given: production prepares it with `$1` and the
 * database's now() (LOOKUP_SQL); a test may fix `now` to an instant.
 *
 * Everything time-related is decided in SQL, so no timestamp is parsed per request. Each column
 * costs the driver per request (measured: about 0.8 µs of the API's CPU per column), so besides the
 * names the principal needs, the row has one text column, `checks`:
 * `<state><last use><environment><expires at>|<allowed addresses>`. State: a(ctive), r(evoked,
 * checked first), (e)x(pired). Last use: r(ecent) within the minute; o for the first use since a roll
 * (written at once, so "still in use" can be seen); d(ue). Environment: t or l. Then the expiry's ISO
 * text, empty for never; then after "|" the allowlist's text, empty for any address.
 */
export function lookupQuery(tokenHash: SQLWrapper, now: SQLWrapper = databaseNow): SQL {
  return sql`
  select c.id, c.name, t.id as team_id, t.name as team_name,
         concat(
           case when c.status <> 'active' then 'r' when ${expiredSql(c("expires_at"), now)} then 'x' else 'a' end,
           case when c.rolled_at is not null and (c.last_used_at is null or c.last_used_at < c.rolled_at) then 'o'
                when c.last_used_at > ${now} - interval '1 minute' then 'r' else 'd' end,
           case c.environment when 'live' then 'l' else 't' end,
           to_char(c.expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           '|',
           case when cardinality(c.allowed_cidrs) > 0 then c.allowed_cidrs::text end
         ) as checks
  from api_credentials c join teams t on t.id = c.team_id
  where c.token_hash = ${tokenHash} limit 1`;
}

/**
 * The text sent on every /v1 request, built once: the token hash is its only parameter. It goes to the
 * driver directly, as a named prepared statement, rather than through drizzle: measured with `npm run
 * bench`, drizzle's query and row mapping (and a Date per row) cost about a tenth of the API's CPU per
 * request.
 */
export const LOOKUP_SQL = new PgDialect().sqlToQuery(lookupQuery(sql.raw("$1"))).sql;

export type LookupRow = { id: string; name: string; team_id: string; team_name: string; checks: string };

/** What the row says of last_used_at: written within the minute, not since a roll, or due. */
export type LastUse = "recent" | "roll" | "due";

export type Checks = {
  state: "active" | "revoked" | "expired";
  lastUse: LastUse;
  environment: Environment;
  /** ISO 8601 UTC; null when the credential never expires. */
  expiresAt: string | null;
  /** PostgreSQL's text of the text[], e.g. "{10.0.0.0/8,2001:db8::/32}" (canonical CIDRs need no quoting); null: any address. */
  allowedCidrs: string | null;
};

const STATES = { a: "active", r: "revoked", x: "expired" } as const;
const LAST_USES = { r: "recent", o: "roll", d: "due" } as const;

/** Decodes `checks` (see lookupQuery). The allowlist's text stays as it is: the key of verify.ts's cache of parsed lists. */
export function readChecks(checks: string): Checks {
  const bar = checks.indexOf("|", 3);
  return {
    state: STATES[checks[0] as keyof typeof STATES],
    lastUse: LAST_USES[checks[1] as keyof typeof LAST_USES],
    environment: checks[2] === "l" ? "live" : "test",
    expiresAt: bar > 3 ? checks.slice(3, bar) : null,
    allowedCidrs: bar < checks.length - 1 ? checks.slice(bar + 1) : null,
  };
}

/** The one indexed query: the credential of this token hash and its team, or undefined. */
export async function findCredentialByTokenHash(tokenHash: string): Promise<LookupRow | undefined> {
  const client = openDatabaseClient() ?? (await getDatabaseClient());
  if (client.kind === "postgres") {
    const result = await client.pool.query<LookupRow>({
      name: "api_credential_by_token_hash",
      text: LOOKUP_SQL,
      values: [tokenHash],
    });
    return result.rows[0];
  }
  return (await client.pglite.query<LookupRow>(LOOKUP_SQL, [tokenHash])).rows[0];
}
