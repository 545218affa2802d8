// Sudo mode: a change that can grant, widen or keep Live access needs the member to have typed their
// password again recently, in this session. Which changes, is the one table below (SUDO_RULES): a row
// per change, with a pure predicate over the facts it decides on. Which code checks it, is the one
// function `requirePasswordConfirmationFor`, called by each domain function after its permission
// check (lib/credentials/store.ts `manage`, lib/members, lib/teams/settings.ts): a member without the
// permission is refused for that, never asked for a password. lib/auth/sudo-actions.test.ts lists
// every server action and fails when one is in neither this table nor its "cannot change Live access" list.
import "server-only";
import { AppError, waitInWords } from "@/lib/platform";
import { addressRangesCover } from "./address-ranges";
import { recordPasswordConfirmation, type SessionSummary, type SignedInUser } from "./sessions";
import { checkPassword } from "./sign-in";
import type { Environment, LeakResponse, Role } from "@/lib/platform/shared";

export const PASSWORD_CONFIRMATION_WINDOW_MS = 15 * 60_000;

/**
 * The roles that reach Live access: they may create Live credentials (Owner, Admin, Developer). The
 * same roles as "credentials:manage" in lib/teams/shared/permissions.ts (lib/auth sits below lib/teams,
 * so it cannot ask it; lib/auth/sudo.test.ts checks the two agree).
 */
export const ROLES_WITH_LIVE_ACCESS: ReadonlySet<Role> = new Set(["owner", "admin", "developer"]);
/** The roles that decide who else has access ("members:manage", "settings:manage"): Owner and Admin. */
export const ROLES_THAT_GOVERN: ReadonlySet<Role> = new Set(["owner", "admin"]);

const live = (environment: Environment) => environment === "live";

/** What each row decides on. A new row: its name here, its predicate in SUDO_RULES. */
type Facts = {
  "credential.create": { environment: Environment };
  "credential.enable": { environment: Environment };
  "credential.delete": { environment: Environment };
  "credential.roll": { environment: Environment };
  "credential.expiry": { environment: Environment; expiry: { choice: string } };
  /** The credential's allowed CIDRs as stored before the change and as they would be after it (empty: any address). */
  "credential.allowed_addresses": { environment: Environment; before: readonly string[]; after: readonly string[] };
  "member.invite": { role: Role };
  "member.role": { from: Role; to: Role };
  "member.remove": { role: Role };
  "team.leak_response": { from: LeakResponse; to: LeakResponse };
  // To come (DESIGN.md, "Third round"): "team.credential_policy", "webhook.endpoint" (Live),
  // "account.password", "account.email", "account.two_factor", "account.passkey".
};

export type SudoRow = keyof Facts;
/** One change, as a domain function describes it to the check: its row and that row's facts. */
export type SudoChange = { [Row in SudoRow]: { row: Row } & Facts[Row] }[SudoRow];

type Rule<F> = { needs: (facts: F) => boolean; why: string };

/** The one table of changes that need a fresh password confirmation. Pure. */
export const SUDO_RULES: { readonly [Row in SudoRow]: Rule<Facts[Row]> } = {
  "credential.create": {
    needs: ({ environment }) => live(environment),
    why: "puts a new Live token into the world",
  },
  "credential.enable": {
    needs: ({ environment }) => live(environment),
    why: "makes a revoked Live token work again",
  },
  "credential.delete": {
    needs: ({ environment }) => live(environment),
    why: "takes a Live credential away for good: the traffic that uses it stops",
  },
  "credential.roll": {
    needs: ({ environment }) => live(environment),
    why: "issues a new Live token",
  },
  "credential.expiry": {
    // "End now" only takes access away.
    needs: ({ environment, expiry }) => live(environment) && expiry.choice !== "now",
    why: "a later expiry brings an expired Live token back, as Enable does a revoked one",
  },
  "credential.allowed_addresses": {
    needs: ({ environment, before, after }) => live(environment) && !addressRangesCover(before, after),
    why: "a wider list (or none) lets a Live token be used from more places; a narrowing does not ask",
  },
  "member.invite": {
    needs: ({ role }) => ROLES_WITH_LIVE_ACCESS.has(role),
    why: "the invitee's own account could then create Live tokens, or invite others who can",
  },
  "member.role": {
    needs: ({ from, to }) =>
      from !== to &&
      (ROLES_THAT_GOVERN.has(from) ||
        ROLES_THAT_GOVERN.has(to) ||
        (ROLES_WITH_LIVE_ACCESS.has(to) && !ROLES_WITH_LIVE_ACCESS.has(from))),
    why: "a promotion grants Live access or the power to grant it; demoting an Owner or Admin, like removing them, keeps out who could revoke it",
  },
  "member.remove": {
    needs: () => true,
    why: "removing the people who could revoke an intruder's access keeps it",
  },
  "team.leak_response": {
    needs: ({ from, to }) => from !== to,
    why: "“Only notify” keeps a token found in public working",
  },
};

/** Whether this change needs a recent password confirmation. Pure. */
export function needsPasswordConfirmation(change: SudoChange): boolean {
  const rule = SUDO_RULES[change.row] as Rule<SudoChange>;
  return rule.needs(change);
}

export const passwordConfirmationRequired = () =>
  new AppError("password_confirmation_required", "Confirm your password to continue.");

/** Refuses unless this session's password was confirmed within the window. No session (a script): refused. */
export function requireRecentPasswordConfirmation(session: SessionSummary | null, now = new Date()): void {
  const at = session?.passwordConfirmedAt;
  const age = at ? now.getTime() - at.getTime() : Infinity;
  // A confirmation "in the future" (clock skew between instances) counts as fresh only within the window.
  if (!(Math.abs(age) <= PASSWORD_CONFIRMATION_WINDOW_MS)) throw passwordConfirmationRequired();
}

/**
 * The one check of sudo mode: refuses ("password_confirmation_required") a change of the table that
 * needs a confirmation this session has not made within 15 minutes. Called after the permission check
 * and before anything is written (inside the change's transaction when the facts are read there).
 */
export function requirePasswordConfirmationFor(
  session: SessionSummary | null,
  change: SudoChange,
  now = new Date(),
): void {
  if (needsPasswordConfirmation(change)) requireRecentPasswordConfirmation(session, now);
}

/**
 * "Confirm your password": checked like a sign-in (same bcrypt work), then remembered on the caller's
 * session row only. The session is its own known device (decision 017): its wrong passwords count on
 * its own budget, so a stolen session cannot lock the owner out of signing in.
 */
export async function confirmPassword(user: SignedInUser, password: string, address: string): Promise<void> {
  const result = await checkPassword(user.email, password, { address, device: `session:${user.session.id}` });
  if (result && "waitMs" in result)
    throw new AppError("throttled", `Too many wrong passwords. Wait ${waitInWords(result.waitMs)}, then try again.`);
  if (!result || result.id !== user.id)
    throw new AppError("invalid_input", "Wrong password.", { password: ["Wrong password."] });
  await recordPasswordConfirmation(user.session, user.id);
}
