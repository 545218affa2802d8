// "Verify your email" for an account that exists but has not proved its address (made before sign-up
// needed a link): a link to the person's own address; opening it marks the account verified and, when
// asked from an invitation's page, joins that team at once.
import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { emailVerifications, users } from "@/db/schema";
import { invitationForSignUp, joinInvitationAsVerified } from "@/lib/members";
import { AppError, forbidden, mailLinkOrigin, notFound, sendInBackground } from "@/lib/platform";
import type { TeamSummary } from "@/lib/teams";
import { findLink, generateLinkToken, markLinkUsed, openLink, replaceLink } from "./links";
import { linkPath, verifyEmailMail } from "./mails";
import { linkRefusal } from "./messages";

/** A person asks again within this long: no second message (a double click, an impatient reload). */
const RESEND_AFTER_MS = 60_000;

/**
 * Mails the signed-in person a link that verifies their address (and joins `invitationToken`'s team,
 * when given: it must be addressed to them). Returns where it went.
 */
export async function sendVerificationLink(
  user: { id: string; email: string; name: string; emailVerified: boolean },
  input: { invitation?: string },
  requestOrigin: string,
): Promise<{ sentTo: string }> {
  if (user.emailVerified) throw new AppError("conflict", "Your email address is already verified.");
  const invitation = input.invitation ? await invitationForSignUp(input.invitation) : null;
  if (invitation && invitation.email !== user.email)
    throw forbidden(`This invitation is for ${invitation.email}. Sign out, then open the link again.`);
  const db = await getDb();
  const [recent] = await db
    .select({ id: emailVerifications.id })
    .from(emailVerifications)
    .where(
      and(
        eq(emailVerifications.userId, user.id),
        isNull(emailVerifications.usedAt),
        gt(emailVerifications.createdAt, new Date(Date.now() - RESEND_AFTER_MS)),
      ),
    );
  if (recent)
    throw new AppError(
      "throttled",
      `We sent a link to ${user.email} less than a minute ago. Check your inbox (and spam folder), or try again in a minute.`,
    );
  const token = generateLinkToken();
  await db.transaction((tx) =>
    replaceLink(
      tx,
      { kind: "verify", email: user.email, userId: user.id, invitationId: invitation?.id ?? null },
      token,
    ),
  );
  const url = `${mailLinkOrigin(requestOrigin)}${linkPath(token)}`;
  sendInBackground(verifyEmailMail(user.email, user.name, url, invitation?.team ?? null));
  return { sentTo: user.email };
}

/**
 * The verification link is used: the account's address is verified, the link used up, and the
 * invitation it was asked from joined if still pending — in one transaction. `invitationGone`: it was
 * asked from an invitation that has since been used, revoked or has expired (the address is verified all the same).
 */
export async function verifyEmail(
  token: string,
): Promise<{ email: string; team: TeamSummary | null; invitationGone: boolean }> {
  const db = await getDb();
  const done = await db.transaction(async (tx) => {
    const link = await openLink(tx, token, "verify", { lock: true });
    if (!link?.userId) return null;
    const now = new Date();
    const [user] = await tx
      .update(users)
      .set({ emailVerifiedAt: now })
      .where(and(eq(users.id, link.userId), eq(users.email, link.email)))
      .returning({ id: users.id, email: users.email, name: users.name });
    if (!user) return null;
    const team = link.invitationId ? await joinInvitationAsVerified(tx, link.invitationId, user) : null;
    await markLinkUsed(tx, link.id, now);
    return { email: user.email, team, invitationGone: !!link.invitationId && !team };
  });
  if (done) return done;
  const view = await findLink(token);
  throw notFound(view.state === "open" ? linkRefusal("invalid") : linkRefusal(view.state, view.kind));
}
