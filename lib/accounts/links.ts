// The links mailed to prove an address (the email_verifications table): a sign-up waiting for its link,
// or an existing account's "Verify your email". One row per address — a newer request replaces the
// older, whose link then stops working — holding only the SHA-256 hash of the link's token.
import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, gt, isNotNull, isNull, lt } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db";
import { emailVerifications } from "@/db/schema";
import { hashToken } from "@/lib/credentials";
import { pendingInvitationTeam } from "@/lib/members";
import type { TeamSummary } from "@/lib/teams";

/** How long a mailed link works. */
export const LINK_TTL_MS = 24 * 3600 * 1000;
/** Rows expired this long ago are deleted (their link then reads as unknown rather than expired). */
const KEEP_EXPIRED_MS = 7 * 24 * 3600 * 1000;

/** 32 random bytes as base64url (43 characters): the link's secret. Only its SHA-256 hash is stored. */
export const generateLinkToken = () => randomBytes(32).toString("base64url");

export type LinkKind = "sign_up" | "verify";

/** What a link is for: a sign-up carries the account to make; a verification names its account. */
export type NewLink =
  | { kind: "sign_up"; email: string; name: string; passwordHash: string; invitationId: string | null }
  | { kind: "verify"; email: string; userId: string; invitationId: string | null };

/** Stores `token`'s link for its address, replacing the address's earlier link, and prunes long-expired rows. */
export async function replaceLink(tx: Tx, link: NewLink, token: string): Promise<void> {
  const now = new Date();
  await tx
    .delete(emailVerifications)
    .where(lt(emailVerifications.expiresAt, new Date(now.getTime() - KEEP_EXPIRED_MS)));
  const values = {
    email: link.email,
    tokenHash: hashToken(token),
    userId: link.kind === "verify" ? link.userId : null,
    name: link.kind === "sign_up" ? link.name : null,
    passwordHash: link.kind === "sign_up" ? link.passwordHash : null,
    invitationId: link.invitationId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + LINK_TTL_MS),
    usedAt: null,
  };
  await tx
    .insert(emailVerifications)
    .values(values)
    .onConflictDoUpdate({ target: emailVerifications.email, set: values });
}

/** A sign-up for an address that has an account by now is dropped (its link could only fail). */
export async function dropOpenSignUp(tx: Tx, email: string): Promise<void> {
  await tx
    .delete(emailVerifications)
    .where(
      and(eq(emailVerifications.email, email), isNull(emailVerifications.userId), isNull(emailVerifications.usedAt)),
    );
}

const kindIs = (kind: LinkKind) =>
  kind === "sign_up" ? isNull(emailVerifications.userId) : isNotNull(emailVerifications.userId);

/** The link's row while it can be used (not used, not expired), locked when read in a transaction to change it; null otherwise. */
export async function openLink(db: Db | Tx, token: string, kind: LinkKind, { lock = false } = {}) {
  const query = db
    .select()
    .from(emailVerifications)
    .where(
      and(
        eq(emailVerifications.tokenHash, hashToken(token)),
        kindIs(kind),
        isNull(emailVerifications.usedAt),
        gt(emailVerifications.expiresAt, new Date()),
      ),
    );
  const [row] = lock ? await query.for("update") : await query;
  return row ?? null;
}

/** Used: the link says so from now on, and the password's hash it carried is gone. */
export async function markLinkUsed(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.update(emailVerifications).set({ usedAt: at, passwordHash: null }).where(eq(emailVerifications.id, id));
}

/** What the link's page may show. `team`: the invitation it joins, while that is still pending. */
export type LinkView =
  | { state: "invalid" | "used" | "expired" | "invitation_invalid"; kind?: LinkKind }
  | { state: "open"; kind: LinkKind; email: string; team: TeamSummary | null };

export async function findLink(token: string): Promise<LinkView> {
  const db = await getDb();
  const [row] = await db
    .select({
      email: emailVerifications.email,
      userId: emailVerifications.userId,
      invitationId: emailVerifications.invitationId,
      expiresAt: emailVerifications.expiresAt,
      usedAt: emailVerifications.usedAt,
    })
    .from(emailVerifications)
    .where(eq(emailVerifications.tokenHash, hashToken(token)));
  if (!row) return { state: "invalid" };
  const kind: LinkKind = row.userId ? "verify" : "sign_up";
  if (row.usedAt) return { state: "used", kind };
  if (row.expiresAt <= new Date()) return { state: "expired", kind };
  const team = row.invitationId ? await pendingInvitationTeam(row.invitationId) : null;
  // A new person's account exists only to join: without the invitation there is nothing to make.
  if (kind === "sign_up" && row.invitationId && !team) return { state: "invitation_invalid", kind };
  return { state: "open", kind, email: row.email, team };
}
