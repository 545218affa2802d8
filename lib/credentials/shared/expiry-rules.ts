// "Expired" and "expiring soon", defined once for SQL and once for TypeScript, side by side so they
// change together: the list's filters and banner count (lib/credentials/queries.ts) and /v1's lookup
// (lib/api-access/lookup.ts) use the SQL; what the list and a credential's page say
// (lib/credentials/shared/state.ts) uses the TypeScript. lib/credentials/shared/expiry-rules.test.ts
// runs both on the same rows in the database, with one `now`, and expects the same answers.
// Pure and client-safe: the SQL readings only build fragments, with the columns and the clock given.
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

/** A credential that expires within this many days (and is not revoked, expired or replaced) is "expiring soon". */
export const EXPIRING_SOON_DAYS = 7;

/**
 * The window in hours, not days: in SQL a day of the session's time zone can be 23 or 25 hours
 * (`timestamptz + interval '1 day'` follows daylight saving time), in TypeScript it is always 24.
 */
const EXPIRING_SOON_HOURS = EXPIRING_SOON_DAYS * 24;
const EXPIRING_SOON_MS = EXPIRING_SOON_HOURS * 3_600_000;

/** The database's clock: what every SQL reading compares with, except in a test that fixes `now`. */
export const databaseNow = sql`now()`;

/** What the SQL readings of "expiring soon" look at: columns of api_credentials (or of an alias of it). */
export type ExpiryColumns = { status: SQLWrapper; expiresAt: SQLWrapper; replacedById: SQLWrapper };

/** What the TypeScript readings look at: an expiry in ms since the epoch, null for never. */
export type ExpiryFacts = { status: "active" | "revoked"; expiresAt: number | null; replaced: boolean };

// ---- Expired: it has an expiry and that instant has come (the boundary instant is expired).

export const isExpired = (expiresAt: number | null, now: number): boolean => expiresAt !== null && expiresAt <= now;

/** Never NULL (a NULL expiry is false), so `not (…)` reads "not expired". */
export const expiredSql = (expiresAt: SQLWrapper, now: SQLWrapper = databaseNow): SQL =>
  sql`(${expiresAt} is not null and ${expiresAt} <= ${now})`;

// ---- Ends within the window: not expired yet, and its expiry at most EXPIRING_SOON_DAYS away.

export const endsWithinWindow = (expiresAt: number | null, now: number): boolean =>
  expiresAt !== null && expiresAt > now && expiresAt - now <= EXPIRING_SOON_MS;

export const endsWithinWindowSql = (expiresAt: SQLWrapper, now: SQLWrapper = databaseNow): SQL =>
  sql`(${expiresAt} is not null and ${expiresAt} > ${now} and ${expiresAt} <= ${now} + make_interval(hours => ${EXPIRING_SOON_HOURS}))`;

// ---- Expiring soon: active, not replaced by a roll (its end is planned), and ending within the window.

export const isExpiringSoon = (credential: ExpiryFacts, now: number): boolean =>
  credential.status === "active" && !credential.replaced && endsWithinWindow(credential.expiresAt, now);

export const expiringSoonSql = (columns: ExpiryColumns, now: SQLWrapper = databaseNow): SQL =>
  sql`(${columns.status} = 'active' and ${columns.replacedById} is null and ${endsWithinWindowSql(columns.expiresAt, now)})`;
