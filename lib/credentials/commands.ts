// Changing a team's API credentials in one environment: create, rename, revoke, enable, delete. Every
// function goes through store.ts `manage` (the caller's permission, then for a Live create, enable or
// delete the session's recent password confirmation — lib/auth/sudo.ts's table — then one transaction), scopes every query by
// that team AND environment, and writes its audit event in the same transaction. A change of state
// is one of store.ts's transitions, on the database's clock.
import "server-only";
import { apiCredentials } from "@/db/schema";
import {
  audit,
  auditedColumns,
  byId,
  enable,
  expiresAtSql,
  gone,
  insertCredential,
  manage,
  revoke,
  selectCredential,
} from "./store";
import { LEAKED_TOKEN_WARNING } from "./shared/state";
import { AppError } from "@/lib/platform";
import type { Expiry } from "./shared/expiry";
import type { TeamAccess } from "@/lib/teams";
import { displayToken, generateToken, hashToken } from "./tokens";

/**
 * Creates a credential (by default never expiring) and returns its plain token: the only time it
 * exists outside the client's hands.
 */
export async function createCredential(access: TeamAccess, input: { name: string; expiry?: Expiry }) {
  const token = generateToken(access.environment);
  const credential = await manage(
    access,
    { row: "credential.create", environment: access.environment },
    async (tx, scope) => {
      const [row] = await insertCredential(
        tx,
        {
          teamId: scope.teamId,
          environment: scope.environment,
          name: input.name,
          tokenHash: hashToken(token),
          tokenDisplay: displayToken(token),
          createdBy: scope.actorUserId,
        },
        expiresAtSql(input.expiry ?? { choice: "never" }),
      ).returning({ ...auditedColumns, expiresAt: apiCredentials.expiresAt });
      await audit(tx, scope, row, "created", row.expiresAt ? { expiresAt: row.expiresAt.toISOString() } : {});
      return selectCredential(tx, scope, row.id);
    },
  );
  return { credential, token };
}

/** Renaming to the name it already has changes nothing and records nothing. */
export async function renameCredential(access: TeamAccess, input: { id: string; name: string }) {
  return manage(access, "grants nothing", async (tx, scope) => {
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
  return manage(access, "grants nothing", async (tx, scope) => {
    const [changed] = await revoke(tx, byId(scope, input.id), "manual").returning(auditedColumns);
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
  return manage(access, { row: "credential.enable", environment: access.environment }, async (tx, scope) => {
    const [row] = await tx
      .select({ leakedAt: apiCredentials.leakedAt })
      .from(apiCredentials)
      .where(byId(scope, input.id))
      .for("update");
    if (!row) throw gone();
    if (row.leakedAt && !input.acknowledgeLeak) throw new AppError("conflict", LEAKED_TOKEN_WARNING);
    const [changed] = await enable(tx, byId(scope, input.id)).returning(auditedColumns);
    if (changed) await audit(tx, scope, changed, "enabled", row.leakedAt ? { leaked: true } : {});
    return selectCredential(tx, scope, input.id);
  });
}

/** Permanent: the row goes; its audit events stay. */
export async function deleteCredential(access: TeamAccess, input: { id: string }) {
  return manage(access, { row: "credential.delete", environment: access.environment }, async (tx, scope) => {
    const [row] = await tx.delete(apiCredentials).where(byId(scope, input.id)).returning(auditedColumns);
    if (!row) throw gone();
    await audit(tx, scope, row, "deleted");
    return { id: row.id, name: row.name };
  });
}
