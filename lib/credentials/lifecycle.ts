// A credential's lifecycle beyond create/revoke/delete: rolling it to a new token with a grace
// period, changing its expiry, and limiting it to IP addresses. Like every credential change:
// permission, then sudo mode where lib/auth/sudo.ts's table says (a Live roll, a later expiry, a wider
// allowlist), then one transaction scoped by team AND
// environment with its audit event. No event holds a token: only masked display strings.
import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { apiCredentials } from "@/db/schema";
import { parseAllowedAddresses } from "./shared/addresses";
import {
  audit,
  byId,
  expiresAtSql,
  gone,
  insertCredential,
  iso,
  manage,
  markRolled,
  selectCredential,
  setExpiry,
  type CredentialScope,
} from "./store";
import { AppError } from "@/lib/platform";
import { requirePasswordConfirmationFor } from "@/lib/auth";
import { graceIntervals, type Expiry, type GracePeriod } from "./shared/expiry";
import type { TeamAccess } from "@/lib/teams";
import { displayToken, generateToken, hashToken } from "./tokens";

/** Longest roll chain followed: far beyond any real one, it only stops a corrupt link from looping. */
const MAX_CHAIN = 1000;

const chainColumns = {
  id: apiCredentials.id,
  name: apiCredentials.name,
  tokenDisplay: apiCredentials.tokenDisplay,
  replacedById: apiCredentials.replacedById,
  allowedCidrs: apiCredentials.allowedCidrs,
  expiresAt: apiCredentials.expiresAt,
};

/**
 * The newest credential of the chain `id` belongs to, locked: rolling an old credential that already
 * has a replacement rolls the replacement (so a chain never has two current credentials). Each link is
 * locked before it is read as "not replaced", so two rolls at once queue and the second follows the
 * link the first wrote.
 */
async function lockNewestOfChain(tx: Tx, scope: CredentialScope, id: string) {
  let current = id;
  for (let i = 0; i < MAX_CHAIN; i++) {
    const [row] = await tx.select(chainColumns).from(apiCredentials).where(byId(scope, current)).for("update");
    if (!row) throw gone();
    if (!row.replacedById) return row;
    current = row.replacedById;
  }
  throw new Error("credential roll chain too long");
}

/**
 * Rolls a credential: in one transaction a new credential with the same name, environment, allowed
 * addresses and expiry lifetime (an old "90 days" one gets 90 days from now), and the old one stops
 * working after the grace period — never later than it would have anyway, so rolling an expired or
 * soon-expiring credential does not bring it back. A revoked or expired credential may be rolled:
 * that is how a leaked one is recovered. The new plain token is returned once.
 */
export async function rollCredential(access: TeamAccess, input: { id: string; grace: GracePeriod }) {
  const token = generateToken(access.environment);
  return manage(access, { row: "credential.roll", environment: access.environment }, async (tx, scope) => {
    const old = await lockNewestOfChain(tx, scope, input.id);
    const [fresh] = await insertCredential(
      tx,
      {
        teamId: scope.teamId,
        environment: scope.environment,
        name: old.name,
        tokenHash: hashToken(token),
        tokenDisplay: displayToken(token),
        createdBy: scope.actorUserId,
        allowedCidrs: old.allowedCidrs,
      },
      // The old credential's lifetime (creation to expiry), from now.
      sql`(select now() + (c.expires_at - c.created_at) from api_credentials c where c.id = ${old.id})`,
    ).returning({ id: apiCredentials.id, tokenDisplay: apiCredentials.tokenDisplay });
    const graceEnd = sql`now() + ${graceIntervals[input.grace]}::interval`;
    const [rolled] = await markRolled(tx, byId(scope, old.id), fresh.id, graceEnd).returning({
      expiresAt: apiCredentials.expiresAt,
    });
    await audit(tx, scope, old, "rolled", {
      replacedBy: { id: fresh.id, tokenDisplay: fresh.tokenDisplay },
      grace: input.grace,
      expiresAt: iso(rolled.expiresAt),
    });
    return {
      credential: await selectCredential(tx, scope, fresh.id),
      previous: await selectCredential(tx, scope, old.id),
      token,
    };
  });
}

/**
 * Sets a new expiry ("End now" included). Works on an expired credential too, so it can be extended;
 * a revoked one stays revoked (Enable is separate). In Live anything but "End now" needs the password.
 */
export async function changeExpiry(access: TeamAccess, input: { id: string; expiry: Expiry }) {
  const sudo = { row: "credential.expiry", environment: access.environment, expiry: input.expiry } as const;
  return manage(access, sudo, async (tx, scope) => {
    const [before] = await tx.select(chainColumns).from(apiCredentials).where(byId(scope, input.id)).for("update");
    if (!before) throw gone();
    const [after] = await setExpiry(tx, byId(scope, input.id), expiresAtSql(input.expiry)).returning({
      expiresAt: apiCredentials.expiresAt,
    });
    await audit(tx, scope, before, "expiry_changed", { from: iso(before.expiresAt), to: iso(after.expiresAt) });
    return selectCredential(tx, scope, input.id);
  });
}

/**
 * Limits the credential to these addresses (canonical CIDRs; empty: any address). The list is parsed
 * again here, so no entry point can store a range /v1 would not understand. Saving the same list
 * again records nothing. In Live a list that allows an address the stored one did not (a wider one,
 * or none) needs the password: decided on the stored list read under the row's lock, so a change
 * made meanwhile by someone else cannot turn a narrowing into a widening.
 */
export async function setAllowedAddresses(access: TeamAccess, input: { id: string; cidrs: readonly string[] }) {
  return manage(access, "checked in work", async (tx, scope) => {
    const parsed = parseAllowedAddresses(input.cidrs.join("\n"));
    if (!parsed.ok) throw new AppError("invalid_input", parsed.error, { addresses: [parsed.error] });
    const [before] = await tx.select(chainColumns).from(apiCredentials).where(byId(scope, input.id)).for("update");
    if (!before) throw gone();
    requirePasswordConfirmationFor(access.session, {
      row: "credential.allowed_addresses",
      environment: scope.environment,
      before: before.allowedCidrs,
      after: parsed.cidrs,
    });
    if (before.allowedCidrs.join("\n") !== parsed.cidrs.join("\n")) {
      await tx
        .update(apiCredentials)
        .set({ allowedCidrs: parsed.cidrs, updatedAt: sql`now()` })
        .where(byId(scope, before.id));
      await audit(tx, scope, before, "allowed_addresses_changed", { from: before.allowedCidrs, to: parsed.cidrs });
    }
    return selectCredential(tx, scope, input.id);
  });
}
