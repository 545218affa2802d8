// API credentials of a team in one environment: how each is listed, read, created, renamed, revoked,
// enabled, deleted, rolled, given an expiry and limited to IP addresses. Every function takes the caller's resolved TeamAccess, checks the permission
// it needs against it (then, for Live create/enable/delete, the session's recent password confirmation),
// scopes every query by that team AND environment, and writes its audit event in the same transaction.
import "server-only";
import { and, desc, eq, gt, ilike, isNotNull, isNull, lte, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { apiCredentials } from "@/db/schema";
import {
  auditedColumns,
  audit,
  expiresAtSql,
  byId,
  gone,
  inScope,
  manage,
  scopeOf,
  selectCredential,
  selectDtos,
  toDto,
} from "./store";
import type { CredentialDto, CredentialPage } from "./shared/dto";
import { LEAKED_TOKEN_WARNING } from "./shared/state";
import { AppError, notFound } from "@/lib/platform";
import { EXPIRING_SOON_DAYS, type Expiry } from "./shared/expiry";
import { requirePermission, type TeamAccess } from "@/lib/teams";
import { displayToken, generateToken, hashToken } from "./tokens";
import { CredentialId, type CredentialFilters } from "./shared/schemas";

export const CREDENTIALS_PAGE_SIZE = 50;

// Expiry, decided by the database's clock (as /v1 decides it).
const isExpired = lte(apiCredentials.expiresAt, sql`now()`);
const notExpired = or(isNull(apiCredentials.expiresAt), gt(apiCredentials.expiresAt, sql`now()`));
const isExpiringSoon = and(
  eq(apiCredentials.status, "active"),
  isNull(apiCredentials.replacedById),
  gt(apiCredentials.expiresAt, sql`now()`),
  lte(apiCredentials.expiresAt, sql`now() + make_interval(days => ${EXPIRING_SOON_DAYS})`),
);

const statusConditions: Record<CredentialFilters["status"], SQL | undefined> = {
  all: undefined,
  active: and(eq(apiCredentials.status, "active"), notExpired),
  revoked: eq(apiCredentials.status, "revoked"),
  expired: and(isNotNull(apiCredentials.expiresAt), isExpired),
  expiring_soon: isExpiringSoon,
};

/** `%` and `_` in a name filter are literal characters, not wildcards. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/** Newest first, filtered by name and status, one page at a time. A page past the end shows the last one. */
export async function listCredentials(access: TeamAccess, filters: CredentialFilters): Promise<CredentialPage> {
  requirePermission(access, "credentials:view");
  const db = await getDb();
  const scope = scopeOf(access);
  const filtered = and(
    filters.name ? ilike(apiCredentials.name, `%${escapeLike(filters.name)}%`) : sql`true`,
    statusConditions[filters.status] ?? sql`true`,
  );
  // One pass over the environment's credentials for both counts: the filtered total and the banner's.
  const [{ total, expiringSoon }] = await db
    .select({
      total: sql<number>`count(*) filter (where ${filtered})`.mapWith(Number),
      expiringSoon: sql<number>`count(*) filter (where ${isExpiringSoon})`.mapWith(Number),
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

/**
 * Creates a credential (by default never expiring) and returns its plain token: the only time it
 * exists outside the client's hands.
 */
export async function createCredential(access: TeamAccess, input: { name: string; expiry?: Expiry }) {
  const token = generateToken(access.environment);
  const credential = await manage(access, "created", async (tx, scope) => {
    const [row] = await tx
      .insert(apiCredentials)
      .values({
        teamId: scope.teamId,
        environment: scope.environment,
        name: input.name,
        tokenHash: hashToken(token),
        tokenDisplay: displayToken(token),
        createdBy: scope.actorUserId,
        expiresAt: expiresAtSql(input.expiry ?? { choice: "never" }),
      })
      .returning({ ...auditedColumns, expiresAt: apiCredentials.expiresAt });
    await audit(tx, scope, row, "created", row.expiresAt ? { expiresAt: row.expiresAt.toISOString() } : {});
    return selectCredential(tx, scope, row.id);
  });
  return { credential, token };
}

/** Renaming to the name it already has changes nothing and records nothing. */
export async function renameCredential(access: TeamAccess, input: { id: string; name: string }) {
  return manage(access, "renamed", async (tx, scope) => {
    const [before] = await tx.select(auditedColumns).from(apiCredentials).where(byId(scope, input.id)).for("update");
    if (!before) throw gone();
    if (before.name === input.name) return selectCredential(tx, scope, input.id);
    await tx.update(apiCredentials).set({ name: input.name, updatedAt: new Date() }).where(byId(scope, input.id));
    await audit(tx, scope, { ...before, name: input.name }, "renamed", { from: before.name, to: input.name });
    return selectCredential(tx, scope, input.id);
  });
}

/** A member's revoke: API calls with its token are refused until it is enabled again. Twice changes nothing more. */
export async function revokeCredential(access: TeamAccess, input: { id: string }) {
  return manage(access, "revoked", async (tx, scope) => {
    const now = new Date();
    const [changed] = await tx
      .update(apiCredentials)
      .set({ status: "revoked", revokedAt: now, revokedReason: "manual", updatedAt: now })
      .where(and(byId(scope, input.id), eq(apiCredentials.status, "active")))
      .returning(auditedColumns);
    if (changed) await audit(tx, scope, changed, "revoked", { reason: "manual" });
    return selectCredential(tx, scope, input.id);
  });
}

/**
 * The same token works again. A token found in public may be enabled too — the owner decides — but
 * only when the caller says it knows (`acknowledgeLeak`, after the dialog's warning); the activity
 * log records that it was. Twice changes nothing more.
 */
export async function enableCredential(access: TeamAccess, input: { id: string; acknowledgeLeak?: boolean }) {
  return manage(access, "enabled", async (tx, scope) => {
    const [row] = await tx
      .select({ leakedAt: apiCredentials.leakedAt })
      .from(apiCredentials)
      .where(byId(scope, input.id))
      .for("update");
    if (!row) throw gone();
    if (row.leakedAt && !input.acknowledgeLeak) throw new AppError("conflict", LEAKED_TOKEN_WARNING);
    const [changed] = await tx
      .update(apiCredentials)
      .set({ status: "active", revokedAt: null, revokedReason: null, updatedAt: new Date() })
      .where(and(byId(scope, input.id), eq(apiCredentials.status, "revoked")))
      .returning(auditedColumns);
    if (changed) await audit(tx, scope, changed, "enabled", row.leakedAt ? { leaked: true } : {});
    return selectCredential(tx, scope, input.id);
  });
}

/** Permanent: the row goes; its audit events stay. */
export async function deleteCredential(access: TeamAccess, input: { id: string }) {
  return manage(access, "deleted", async (tx, scope) => {
    const [row] = await tx.delete(apiCredentials).where(byId(scope, input.id)).returning(auditedColumns);
    if (!row) throw gone();
    await audit(tx, scope, row, "deleted");
    return { id: row.id, name: row.name };
  });
}
