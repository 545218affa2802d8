// API credentials of a team in one environment: how each is listed, created, renamed, revoked,
// enabled and deleted. Every function takes the caller's resolved TeamAccess, checks the permission
// it needs against it (then, for Live create/enable/delete, the session's recent password confirmation),
// scopes every query by that team AND environment, and writes its audit event in the same transaction.
import "server-only";
import { and, count, desc, eq, ilike, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { apiCredentials, credentialEvents, users, credentialActions } from "@/db/schema";
import { notFound } from "./errors";
import { needsPasswordConfirmation, requireRecentPasswordConfirmation } from "./password-confirmation";
import { requirePermission, type TeamAccess } from "./team-access";
import type { Environment } from "./terms";
import { displayToken, generateToken, hashToken } from "./tokens";
import type { CredentialFilters } from "./validation/credentials";

export const CREDENTIALS_PAGE_SIZE = 50;

type Scope = { teamId: string; environment: Environment; actorUserId: string };
type CredentialAction = (typeof credentialActions)[number];

/** What the dashboard may know about a credential: never its hash, never its token. */
export type CredentialDto = {
  id: string;
  name: string;
  tokenDisplay: string;
  status: "active" | "revoked";
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type CredentialPage = { credentials: CredentialDto[]; total: number; page: number; pageSize: number };

export const CREDENTIAL_GONE = "This credential was deleted by someone else.";
const gone = () => notFound(CREDENTIAL_GONE);

const dtoColumns = {
  id: apiCredentials.id,
  name: apiCredentials.name,
  tokenDisplay: apiCredentials.tokenDisplay,
  status: apiCredentials.status,
  createdBy: users.name,
  createdAt: apiCredentials.createdAt,
  lastUsedAt: apiCredentials.lastUsedAt,
  revokedAt: apiCredentials.revokedAt,
};


function toDto(row: { createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null } & Omit<CredentialDto, "createdAt" | "lastUsedAt" | "revokedAt">): CredentialDto {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

function inScope(scope: Pick<Scope, "teamId" | "environment">, ...more: (SQL | undefined)[]) {
  return and(eq(apiCredentials.teamId, scope.teamId), eq(apiCredentials.environment, scope.environment), ...more);
}

const byId = (scope: Scope, id: string) => inScope(scope, eq(apiCredentials.id, id));

/** `%` and `_` in a name filter are literal characters, not wildcards. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&");

async function selectCredential(tx: Tx, scope: Scope, id: string): Promise<CredentialDto> {
  const [row] = await tx
    .select(dtoColumns)
    .from(apiCredentials)
    .leftJoin(users, eq(users.id, apiCredentials.createdBy))
    .where(byId(scope, id));
  if (!row) throw gone();
  return toDto(row);
}

type Audited = { id: string; name: string; tokenDisplay: string };
const auditedColumns = { id: apiCredentials.id, name: apiCredentials.name, tokenDisplay: apiCredentials.tokenDisplay };

/** The masked token goes into the event too, so the activity log can show it after a delete. */
async function audit(tx: Tx, scope: Scope, credential: Audited, action: CredentialAction, details: Record<string, unknown> = {}) {
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

const scopeOf = (access: TeamAccess): Scope => ({ teamId: access.team.id, environment: access.environment, actorUserId: access.userId });

/**
 * Runs a change for a member allowed to manage the team's credentials, in one transaction. Permission
 * first, then sudo mode: a read-only member is refused for the role, never asked for a password.
 */
async function manage<T>(access: TeamAccess, action: CredentialAction, work: (tx: Tx, scope: Scope) => Promise<T>): Promise<T> {
  requirePermission(access, "credentials:manage");
  if (needsPasswordConfirmation(action, access.environment)) requireRecentPasswordConfirmation(access.session);
  const db = await getDb();
  return db.transaction((tx) => work(tx, scopeOf(access)));
}

/** Newest first, filtered by name and status, one page at a time. A page past the end shows the last one. */
export async function listCredentials(access: TeamAccess, filters: CredentialFilters): Promise<CredentialPage> {
  requirePermission(access, "credentials:view");
  const db = await getDb();
  const where = inScope(
    scopeOf(access),
    filters.name ? ilike(apiCredentials.name, `%${escapeLike(filters.name)}%`) : undefined,
    filters.status === "all" ? undefined : eq(apiCredentials.status, filters.status),
  );
  const [{ total }] = await db.select({ total: count() }).from(apiCredentials).where(where);
  const page = Math.min(filters.page, Math.max(1, Math.ceil(total / CREDENTIALS_PAGE_SIZE)));
  const rows = await db
    .select(dtoColumns)
    .from(apiCredentials)
    .leftJoin(users, eq(users.id, apiCredentials.createdBy))
    .where(where)
    .orderBy(desc(apiCredentials.createdAt), desc(apiCredentials.id))
    .limit(CREDENTIALS_PAGE_SIZE)
    .offset((page - 1) * CREDENTIALS_PAGE_SIZE);
  return { credentials: rows.map(toDto), total, page, pageSize: CREDENTIALS_PAGE_SIZE };
}

/** Creates a credential and returns its plain token: the only time it exists outside the client's hands. */
export async function createCredential(access: TeamAccess, input: { name: string }) {
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
      })
      .returning(auditedColumns);
    await audit(tx, scope, row, "created");
    return selectCredential(tx, scope, row.id);
  });
  return { credential, token };
}

export async function renameCredential(access: TeamAccess, input: { id: string; name: string }) {
  return manage(access, "renamed", async (tx, scope) => {
    const [before] = await tx.select(auditedColumns).from(apiCredentials).where(byId(scope, input.id)).for("update");
    if (!before) throw gone();
    await tx.update(apiCredentials).set({ name: input.name, updatedAt: new Date() }).where(byId(scope, input.id));
    await audit(tx, scope, { ...before, name: input.name }, "renamed", { from: before.name, to: input.name });
    return selectCredential(tx, scope, input.id);
  });
}

/** Revoke and enable flip the status; doing it twice (a double click, two people) changes nothing more. */
function setStatus(status: "active" | "revoked", action: "revoked" | "enabled") {
  return (access: TeamAccess, input: { id: string }) =>
    manage(access, action, async (tx, scope) => {
      const now = new Date();
      const [changed] = await tx
        .update(apiCredentials)
        .set({ status, revokedAt: status === "revoked" ? now : null, updatedAt: now })
        .where(and(byId(scope, input.id), eq(apiCredentials.status, status === "revoked" ? "active" : "revoked")))
        .returning(auditedColumns);
      if (changed) await audit(tx, scope, changed, action);
      return selectCredential(tx, scope, input.id);
    });
}

/** API calls with a revoked credential's token are refused until it is enabled again. */
export const revokeCredential = setStatus("revoked", "revoked");
/** The same token works again. */
export const enableCredential = setStatus("active", "enabled");

/** Permanent: the row goes; its audit events stay. */
export async function deleteCredential(access: TeamAccess, input: { id: string }) {
  return manage(access, "deleted", async (tx, scope) => {
    const [row] = await tx.delete(apiCredentials).where(byId(scope, input.id)).returning(auditedColumns);
    if (!row) throw gone();
    await audit(tx, scope, row, "deleted");
    return { id: row.id, name: row.name };
  });
}
