// What every credential function shares (lib/credentials/queries.ts, commands.ts, lifecycle.ts,
// leaks.ts): the scope (team AND environment) every query filters by, the DTO the dashboard may see,
// the audit event, `manage` — permission, then sudo mode where its row says, then one transaction — and the
// transitions of a credential's state. This file is the only writer of api_credentials' status,
// revoked_at, revoked_reason and expires_at (lib/credentials/store.test.ts checks the tree), so each
// change of state is written once, on the database's clock.
import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Db, type Tx } from "@/db";
import { apiCredentials, credentialEvents, users } from "@/db/schema";
import { notFound } from "@/lib/platform";
import type { CredentialDto, RevokedReason } from "./shared/dto";
import { endOfExpiryDate, expiryIntervals, type Expiry } from "./shared/expiry";
import { databaseNow } from "./shared/expiry-rules";
import { requirePasswordConfirmationFor, type SudoChange } from "@/lib/auth";
import { requirePermission, type TeamAccess } from "@/lib/teams";
import type { CredentialAction, Environment } from "@/lib/platform/shared";

/** Whose credentials a function works on, and who acts: every query filters by the team AND the environment. */
export type CredentialScope = { teamId: string; environment: Environment; actorUserId: string };

export const CREDENTIAL_GONE = "This credential was deleted by someone else.";
export const gone = () => notFound(CREDENTIAL_GONE);

// The roll chain's neighbours, read in the same query: by the unique replaced_by_id both ways.
export const replacement = alias(apiCredentials, "replacement");
const predecessor = alias(apiCredentials, "predecessor");

const dtoColumns = {
  id: apiCredentials.id,
  name: apiCredentials.name,
  tokenDisplay: apiCredentials.tokenDisplay,
  status: apiCredentials.status,
  createdBy: users.name,
  createdAt: apiCredentials.createdAt,
  lastUsedAt: apiCredentials.lastUsedAt,
  revokedAt: apiCredentials.revokedAt,
  expiresAt: apiCredentials.expiresAt,
  rolledAt: apiCredentials.rolledAt,
  replacedById: replacement.id,
  replacedByName: replacement.name,
  replacesId: predecessor.id,
  replacesName: predecessor.name,
  lastUsedAddress: apiCredentials.lastUsedAddress,
  allowedAddresses: apiCredentials.allowedCidrs,
  revokedReason: apiCredentials.revokedReason,
  leakedAt: apiCredentials.leakedAt,
  leakUrl: apiCredentials.leakUrl,
  leakSource: apiCredentials.leakSource,
  // 24 rows of the primary key at most; the same window as the credential's "last 24 hours" chart.
  requests24h: sql<number>`(select coalesce(sum(u.count), 0) from credential_usage u
    where u.credential_id = ${apiCredentials.id} and u.hour > date_trunc('hour', now()) - interval '24 hours')`.mapWith(
    Number,
  ),
};

/** The credentials with who created them and their roll-chain neighbours (same team and environment only). */
export function selectDtos(db: Tx | Db) {
  return db
    .select(dtoColumns)
    .from(apiCredentials)
    .leftJoin(users, eq(users.id, apiCredentials.createdBy))
    .leftJoin(
      replacement,
      and(
        eq(replacement.id, apiCredentials.replacedById),
        eq(replacement.teamId, apiCredentials.teamId),
        eq(replacement.environment, apiCredentials.environment),
      ),
    )
    .leftJoin(
      predecessor,
      and(
        eq(predecessor.replacedById, apiCredentials.id),
        eq(predecessor.teamId, apiCredentials.teamId),
        eq(predecessor.environment, apiCredentials.environment),
      ),
    );
}

type DtoRow = Awaited<ReturnType<ReturnType<typeof selectDtos>["where"]>>[number];

export const iso = (at: Date | null) => at?.toISOString() ?? null;

export function toDto(row: DtoRow): CredentialDto {
  return {
    id: row.id,
    name: row.name,
    tokenDisplay: row.tokenDisplay,
    status: row.status,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: iso(row.lastUsedAt),
    revokedAt: iso(row.revokedAt),
    expiresAt: iso(row.expiresAt),
    rolledAt: iso(row.rolledAt),
    replacedBy: row.replacedById ? { id: row.replacedById, name: row.replacedByName ?? "" } : null,
    replaces: row.replacesId ? { id: row.replacesId, name: row.replacesName ?? "" } : null,
    lastUsedAddress: row.lastUsedAddress,
    allowedAddresses: row.allowedAddresses,
    revokedReason: row.status === "revoked" ? (row.revokedReason ?? "manual") : null,
    leak: row.leakedAt
      ? { at: row.leakedAt.toISOString(), url: row.leakUrl ?? "", source: row.leakSource ?? "" }
      : null,
    requests24h: row.requests24h,
  };
}

export function inScope(scope: Pick<CredentialScope, "teamId" | "environment">, ...more: (SQL | undefined)[]) {
  return and(eq(apiCredentials.teamId, scope.teamId), eq(apiCredentials.environment, scope.environment), ...more);
}

export const byId = (scope: CredentialScope, id: string) => inScope(scope, eq(apiCredentials.id, id));

export async function selectCredential(tx: Tx, scope: CredentialScope, id: string): Promise<CredentialDto> {
  const [row] = await selectDtos(tx).where(byId(scope, id));
  if (!row) throw gone();
  return toDto(row);
}

export type Audited = { id: string; name: string; tokenDisplay: string };
export const auditedColumns = {
  id: apiCredentials.id,
  name: apiCredentials.name,
  tokenDisplay: apiCredentials.tokenDisplay,
};

/**
 * The masked token goes into the event too, so the activity log can show it after a delete. An
 * actor of null: no member did it (a secret-scanning report, a public report).
 */
export async function audit(
  tx: Tx,
  scope: Omit<CredentialScope, "actorUserId"> & { actorUserId: string | null },
  credential: Audited,
  action: CredentialAction,
  details: Record<string, unknown> = {},
) {
  await tx.insert(credentialEvents).values({
    teamId: scope.teamId,
    environment: scope.environment,
    credentialId: credential.id,
    credentialName: credential.name,
    actorUserId: scope.actorUserId,
    action,
    details: { tokenDisplay: credential.tokenDisplay, ...details },
  });
}

export const scopeOf = (access: TeamAccess): CredentialScope => ({
  teamId: access.team.id,
  environment: access.environment,
  actorUserId: access.userId,
});

/**
 * Runs a change for a member allowed to manage the team's credentials, in one transaction. Permission
 * first, then sudo mode (lib/auth/sudo.ts) for the change's row: a read-only member is refused for the
 * role, never asked for a password. `sudo`: the change as the sudo table knows it, or "checked in work"
 * for a change whose facts are read under the row's lock (the allowed addresses: the stored list), which
 * then calls requirePasswordConfirmationFor itself before writing, or "grants nothing" (a rename, a
 * revoke: not in the table).
 */
export async function manage<T>(
  access: TeamAccess,
  sudo: SudoChange | "checked in work" | "grants nothing",
  work: (tx: Tx, scope: CredentialScope) => Promise<T>,
): Promise<T> {
  requirePermission(access, "credentials:manage");
  if (typeof sudo === "object") requirePasswordConfirmationFor(access.session, sudo);
  const db = await getDb();
  return db.transaction((tx) => work(tx, scopeOf(access)));
}

/**
 * An expiry choice as the SQL value of expires_at, on the database's clock (which /v1 compares with):
 * null for never, now() for "End now" (refused from the first request after the change).
 */
export function expiresAtSql(expiry: Expiry): SQL | null {
  switch (expiry.choice) {
    case "never":
      return null;
    case "now":
      return sql`now()`;
    case "date":
      return sql`${endOfExpiryDate(expiry.date ?? "")}::timestamptz`;
    default:
      return sql`now() + ${expiryIntervals[expiry.choice]}::interval`;
  }
}

// ---- The transitions: the only writes of status, revoked_at, revoked_reason and expires_at.
// `where` picks the rows (callers scope it: byId(scope, id), a token's hash); each returns drizzle's
// query, to await as it is or after `.returning(…)`. Time is the database's `now()`, the clock /v1
// compares expiries with, so the dashboard and the API never disagree by an app server's skew.

/** A database or an open transaction. */
type Writer = Tx | Db;

/** The rows a transition changes: a missing condition is a bug, never "every credential". */
function picked(where: SQL | undefined): SQL {
  if (!where) throw new Error("a credential's state changes only on the rows a condition picks");
  return where;
}

/** A new credential row's columns, without its state: it starts active, expiring at `expiresAt` (null: never). */
export type NewCredential = Omit<
  typeof apiCredentials.$inferInsert,
  "status" | "revokedAt" | "revokedReason" | "expiresAt" | "id"
>;

export const insertCredential = (db: Writer, values: NewCredential, expiresAt: SQL | null = null) =>
  db.insert(apiCredentials).values({ ...values, expiresAt });

/**
 * Revokes the active credentials of `where` (an already revoked one keeps its time and reason).
 * `at`: when, as SQL — `now()` except for made-up history (lib/usage/demo.ts).
 */
export const revoke = (db: Writer, where: SQL | undefined, reason: RevokedReason, at: SQL = databaseNow) =>
  db
    .update(apiCredentials)
    .set({ status: "revoked", revokedAt: at, revokedReason: reason, updatedAt: databaseNow })
    .where(and(picked(where), eq(apiCredentials.status, "active")));

/** Makes the revoked credentials of `where` active again: the same token works; its expiry is untouched. */
export const enable = (db: Writer, where: SQL | undefined) =>
  db
    .update(apiCredentials)
    .set({ status: "active", revokedAt: null, revokedReason: null, updatedAt: databaseNow })
    .where(and(picked(where), eq(apiCredentials.status, "revoked")));

/** Sets the expiry (null: never; see expiresAtSql). Revoked stays revoked. */
export const setExpiry = (db: Writer, where: SQL | undefined, expiresAt: SQL | null) =>
  db.update(apiCredentials).set({ expiresAt, updatedAt: databaseNow }).where(picked(where));

/**
 * The old credential of a roll: replaced by `replacementId`, rolled now, and ending at `endsBy` —
 * never later than it would have anyway, so a roll cannot bring back an expired credential.
 */
export const markRolled = (db: Writer, where: SQL | undefined, replacementId: string, endsBy: SQL) =>
  db
    .update(apiCredentials)
    .set({
      replacedById: replacementId,
      rolledAt: databaseNow,
      expiresAt: sql`least(coalesce(${apiCredentials.expiresAt}, 'infinity'::timestamptz), ${endsBy})`,
      updatedAt: databaseNow,
    })
    .where(picked(where));
