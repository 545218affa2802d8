// The messages of sign-up and email verification. Each names what the link does and that it works
// once within 24 hours; none tells an address anything about another.
import "server-only";
import { composeMail, type Mail } from "@/lib/platform";

type TeamName = { name: string } | null;

/** The link path a token opens (app/(auth)/verify-email/[token]). */
export const linkPath = (token: string) => `/verify-email/${token}`;

/** To a new address: the link that makes the account (and joins the team, for an invitation). */
export function signUpLinkMail(to: string, name: string, url: string, team: TeamName): Mail {
  return composeMail({
    to,
    subject: team ? `Finish joining ${team.name} on eCourier` : "Finish creating your eCourier account",
    paragraphs: [
      `Hi ${name},`,
      team
        ? `To join ${team.name} on eCourier, open this link and enter the password you chose. Your account is made then.`
        : "To finish creating your eCourier account, open this link and enter the password you chose. Your account is made then.",
    ],
    action: { label: team ? `Join ${team.name}` : "Finish creating your account", url },
    after: [
      "The link works once, within 24 hours.",
      "Did not ask for this? Ignore this message: no account is made without this link and the password chosen with it.",
    ],
  });
}

/** To an address that already has an account: no link that makes anything, only the way to sign in. */
export function someoneTriedMail(to: string, name: string, signInUrl: string): Mail {
  return composeMail({
    to,
    subject: "Someone tried to create an account with your address",
    paragraphs: [
      `Hi ${name},`,
      `Someone — perhaps you — tried to create a new eCourier account with ${to}. You already have an account with this address, so nothing was made and nothing was changed.`,
      "To use your account, sign in with this address and your password.",
    ],
    action: { label: "Sign in", url: signInUrl },
    after: ["Was this not you? There is nothing to do: your account and your password are as they were."],
  });
}

/** To a signed-in person's own address: the link that marks it verified (and joins the team, for an invitation). */
export function verifyEmailMail(to: string, name: string, url: string, team: TeamName): Mail {
  return composeMail({
    to,
    subject: team ? `Verify your email address to join ${team.name}` : "Verify your email address",
    paragraphs: [
      `Hi ${name},`,
      team
        ? `Open this link to confirm that ${to} is yours and join ${team.name} on eCourier.`
        : `Open this link to confirm that ${to} is yours. Until then you cannot join a team by invitation.`,
    ],
    action: { label: team ? `Verify and join ${team.name}` : "Verify email address", url },
    after: ["The link works once, within 24 hours.", "Did not ask for this? Ignore this message."],
  });
}
