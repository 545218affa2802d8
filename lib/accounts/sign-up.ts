// Sign-up that reveals nothing (docs/decisions/016). Asking for an account answers the same whether
// the address is new or taken — the same bcrypt work, one write, one message started in the background
// — and only the mailbox learns which: a new address gets the link that makes the account, a taken one
// a note that someone tried. Nothing exists until the link is opened and the password typed again, so
// an address can no longer be squatted, and a victim who opens a squatter's link makes no account the
// squatter knows the password of.
import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { hashPassword, insertUser, normaliseEmail, passwordMatches, passwordWeakness } from "@/lib/auth";
import { invitationForSignUp, INVITATION_INVALID, joinInvitationAsVerified } from "@/lib/members";
import { AppError, mailLinkOrigin, notFound, sendInBackground, throttle } from "@/lib/platform";
import { insertAccount, type TeamSummary } from "@/lib/teams";
import { dropOpenSignUp, findLink, generateLinkToken, markLinkUsed, openLink, replaceLink } from "./links";
import { linkPath, signUpLinkMail, someoneTriedMail } from "./mails";
import { linkRefusal } from "./messages";

export type SignUpRequest = { name: string; email: string; password: string };

/** Every new password: refused as the field's error, in zxcvbn's words, when too easy to guess for this person. */
async function requireStrongPassword(password: string, person: { email: string; name: string }) {
  const weakness = await passwordWeakness(password, person);
  if (weakness) throw new AppError("invalid_input", "Check the highlighted fields.", { password: [weakness] });
}

/**
 * Someone asks for an account. Returns nothing either way: whether the address had an account is
 * told only to that address. The caller spends the client address's sign-up budget first (this
 * checks the password's strength, then hashes it: both cost the server).
 */
export async function requestSignUp(input: SignUpRequest, requestOrigin: string): Promise<void> {
  const email = normaliseEmail(input.email);
  await requireStrongPassword(input.password, { email, name: input.name });
  // Both paths: the same bcrypt work and a new token, before the one transaction.
  const passwordHash = await hashPassword(input.password);
  const token = generateLinkToken();
  const db = await getDb();
  const existing = await db.transaction(async (tx) => {
    const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.email, email));
    if (user) await dropOpenSignUp(tx, email);
    else await replaceLink(tx, { kind: "sign_up", email, name: input.name, passwordHash, invitationId: null }, token);
    return user ?? null;
  });
  const origin = mailLinkOrigin(requestOrigin);
  // Started the same way on both paths, and never waited for.
  sendInBackground(
    existing
      ? someoneTriedMail(email, existing.name, `${origin}/login`)
      : signUpLinkMail(email, input.name, `${origin}${linkPath(token)}`, null),
  );
}

/**
 * A new person accepts an invitation: no account yet, but a link mailed to the invited address
 * (whoever holds the invitation link — the inviter too — cannot prove that address). Opening it makes
 * the account and joins. Refused like an invalid link before any bcrypt work.
 */
export async function requestInvitationSignUp(
  invitationToken: string,
  input: { name: string; password: string },
  requestOrigin: string,
): Promise<{ email: string; team: TeamSummary }> {
  const invitation = await invitationForSignUp(invitationToken);
  const db = await getDb();
  const [account] = await db.select({ id: users.id }).from(users).where(eq(users.email, invitation.email));
  // The invitation's page already says so (and offers to sign in): the link holder learns nothing new.
  if (account) throw new AppError("conflict", "An account with this email already exists. Sign in to join.");
  await requireStrongPassword(input.password, { email: invitation.email, name: input.name });
  const passwordHash = await hashPassword(input.password);
  const token = generateLinkToken();
  await db.transaction((tx) =>
    replaceLink(
      tx,
      { kind: "sign_up", email: invitation.email, name: input.name, passwordHash, invitationId: invitation.id },
      token,
    ),
  );
  const url = `${mailLinkOrigin(requestOrigin)}${linkPath(token)}`;
  sendInBackground(signUpLinkMail(invitation.email, input.name, url, invitation.team));
  return { email: invitation.email, team: invitation.team };
}

const WRONG_PASSWORD = "This is not the password you chose when you signed up.";

/**
 * The sign-up link is opened and the password typed again: the account is made, verified, with its own
 * team (or joining the invitation it came from), and the link is used up — in one transaction, once.
 * Wrong passwords count against the client address's sign-in budget.
 */
export async function finishSignUp(
  token: string,
  password: string,
  clientAddress: string,
): Promise<{ email: string; team: TeamSummary }> {
  const guesses = throttle("sign-in per address");
  const wait = await guesses.blockedFor(clientAddress);
  if (wait > 0)
    throw new AppError(
      "throttled",
      `Too many wrong passwords from your network. Try again in ${Math.ceil(wait / 60_000)} minutes.`,
    );
  const db = await getDb();
  const link = await openLink(db, token, "sign_up");
  if (!link?.passwordHash || !link.name) {
    const view = await findLink(token);
    throw notFound(view.state === "open" ? linkRefusal("invalid") : linkRefusal(view.state, view.kind));
  }
  // Compared before the transaction: bcrypt's tens of milliseconds hold no lock.
  if (!(await passwordMatches(password, link.passwordHash))) {
    await guesses.record(clientAddress);
    throw new AppError("invalid_input", "Check the highlighted fields.", { password: [WRONG_PASSWORD] });
  }
  const { name, passwordHash } = link;
  return db.transaction(async (tx) => {
    // Locked, and still the link whose password was checked: one account, however many tabs send it.
    const locked = await openLink(tx, token, "sign_up", { lock: true });
    if (!locked || locked.id !== link.id) throw notFound(linkRefusal("used"));
    const now = new Date();
    const account = { email: link.email, name, passwordHash, emailVerifiedAt: now };
    let team: TeamSummary | null;
    if (link.invitationId) {
      team = await joinInvitationAsVerified(tx, link.invitationId, await insertUser(tx, account));
      if (!team) throw notFound(INVITATION_INVALID); // rolls the new account back
    } else {
      team = (await insertAccount(tx, account)).team;
    }
    await markLinkUsed(tx, link.id, now);
    return { email: link.email, team };
  });
}
