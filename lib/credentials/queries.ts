// Reading a team's API credentials in one environment: the list (filtered, paged, with its banners'
// counts), one credential's page, and whether a name is taken. Every function takes the caller's
// resolved TeamAccess, checks "credentials:view" against it, and scopes every query by that team AND
// environment. Expiry is decided by the database's clock, with the rules /v1 uses (shared/expiry-rules.ts).
import "server-only";
import { and, desc, eq, ilike, isNotNull, isNull, ne, not, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { getDb } from "@/db";
import { apiCredentials } from "@/db/schema";
import { byId, inScope, scopeOf, selectDtos, toDto } from "./store";
import type { CredentialDto, CredentialPage } from "./shared/dto";
import { databaseNow, expiredSql, expiringSoonSql } from "./shared/expiry-rules";
import { notFound } from "@/lib/platform";
import { requirePermission, type TeamAccess } from "@/lib/teams";
import { CredentialId, type CredentialFilters } from "./shared/schemas";

export const CREDENTIALS_PAGE_SIZE = 50;

/**
 * The status filter's condition at `now` (the database's clock; a test may fix it): `active` is stored
 * active and not expired, `expired` is past its expiry whatever its stored status.
 */
export function credentialStatusCondition(
  status: CredentialFilters["status"],
  now: SQLWrapper = databaseNow,
): SQL | undefined {
  switch (status) {
    case "all":
      return undefined;
    case "active":
      return and(eq(apiCredentials.status, "active"), not(expiredSql(apiCredentials.expiresAt, now)));
    case "revoked":
      return eq(apiCredentials.status, "revoked");
    case "expired":
      return expiredSql(apiCredentials.expiresAt, now);
    case "expiring_soon":
      return expiringSoonSql(apiCredentials, now);
  }
}

/** `%` and `_` in a name filter are literal characters, not wildcards. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/** Newest first, filtered by name and status, one page at a time. A page past the end shows the last one. */
export async function listCredentials(access: TeamAccess, filters: CredentialFilters): Promise<CredentialPage> {
  requirePermission(access, "credentials:view");
  const db = await getDb();
  const scope = scopeOf(access);
  const filtered = and(
    filters.name ? ilike(apiCredentials.name, `%${escapeLike(filters.name)}%`) : sql`true`,
    credentialStatusCondition(filters.status) ?? sql`true`,
  );
  // One pass over the environment's credentials for both counts: the filtered total and the banner's.
  const [{ total, expiringSoon }] = await db
    .select({
      total: sql<number>`count(*) filter (where ${filtered})`.mapWith(Number),
      expiringSoon: sql<number>`count(*) filter (where ${credentialStatusCondition("expiring_soon")})`.mapWith(Number),
    })
    .from(apiCredentials)
    .where(inScope(scope));
  const page = Math.min(filters.page, Math.max(1, Math.ceil(total / CREDENTIALS_PAGE_SIZE)));
  const rows = await selectDtos(db)
    .where(inScope(scope, filtered))
    .orderBy(desc(apiCredentials.createdAt), desc(apiCredentials.id))
    .limit(CREDENTIALS_PAGE_SIZE)
    .offset((page - 1) * CREDENTIALS_PAGE_SIZE);
  const leaks = await db
    .select({
      id: apiCredentials.id,
      name: apiCredentials.name,
      url: apiCredentials.leakUrl,
      at: apiCredentials.leakedAt,
      status: apiCredentials.status,
    })
    .from(apiCredentials)
    .where(inScope(scope, isNotNull(apiCredentials.leakedAt), isNull(apiCredentials.replacedById)))
    .orderBy(desc(apiCredentials.leakedAt))
    .limit(5);
  return {
    credentials: rows.map(toDto),
    total,
    page,
    pageSize: CREDENTIALS_PAGE_SIZE,
    expiringSoon,
    leaks: leaks.map((l) => ({
      id: l.id,
      name: l.name,
      url: l.url ?? "",
      at: l.at!.toISOString(),
      revoked: l.status === "revoked",
    })),
  };
}

/** One credential of the team in this environment, for its page. Another team's or environment's id, or an unknown one: not found. */
export async function getCredential(access: TeamAccess, id: string): Promise<CredentialDto> {
  requirePermission(access, "credentials:view");
  // A page's URL segment: anything but a credential id names none (and never reaches a uuid column).
  if (!CredentialId.safeParse(id).success) throw notFound("No such credential.");
  const db = await getDb();
  const [row] = await selectDtos(db).where(byId(scopeOf(access), id));
  if (!row) throw notFound("No such credential.");
  return toDto(row);
}

/**
 * The name of another credential here (this team, this environment) called `name`, ignoring case,
 * or null. Names need not be unique; the create and rename dialogs use this to say so before a
 * second one is made. `exceptId`: the credential being renamed.
 */
export async function credentialNameInUse(
  access: TeamAccess,
  input: { name: string; exceptId?: string },
): Promise<string | null> {
  requirePermission(access, "credentials:view");
  const db = await getDb();
  const [row] = await db
    .select({ name: apiCredentials.name })
    .from(apiCredentials)
    .where(
      inScope(
        scopeOf(access),
        sql`lower(${apiCredentials.name}) = lower(${input.name})`,
        input.exceptId ? ne(apiCredentials.id, input.exceptId) : undefined,
      ),
    )
    .limit(1);
  return row?.name ?? null;
}
