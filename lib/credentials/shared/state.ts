// What the list and the credential page say about a credential at a given moment: its status
// (stored status and expiry together), whether its token works and what would make it work again,
// and, for a rolled credential, what replaced it and whether the old token is still in use. A
// credential revoked because its token was found in public reads "Leaked" (a kind of revoked).
// Pure and client-safe: the caller passes `now`, so the server's render and the hydrating browser agree.
import type { CredentialDto } from "./dto";
import { EXPIRING_SOON_DAYS, endsWithinWindow, isExpired, isExpiringSoon } from "./expiry-rules";

export type CredentialLifecycle = Pick<
  CredentialDto,
  "status" | "expiresAt" | "rolledAt" | "replacedBy" | "lastUsedAt" | "lastUsedAddress" | "revokedReason" | "leak"
>;

export type StatusBadge = { label: string; tone: "success" | "warning" | "neutral" | "danger" };

/** The old token's use since the roll: the signal that it is (or is not yet) safe to end it. */
export type RollUsage = { kind: "in_use"; lastUsedAt: string; address: string | null } | { kind: "quiet" };

export type RollState = {
  replacedBy: { id: string; name: string };
  /** "Old token stops working in 59 minutes", or that it has stopped, or that nothing ends it. */
  countdown: string;
  /** The old token still works until its expiry: "End now" applies. */
  endable: boolean;
  usage: RollUsage;
};

export type CredentialState = {
  revoked: boolean;
  /** Revoked because its token was found in public (a secret-scanning report). */
  leaked: boolean;
  expired: boolean;
  /**
   * Counted by the list's banner and its "Expiring soon" filter: not revoked, not expired, not
   * replaced (a rolled credential's end is planned), and its expiry at most EXPIRING_SOON_DAYS away.
   */
  expiringSoon: boolean;
  /** Badges in the order shown: a revoked and expired credential gets both. */
  badges: StatusBadge[];
  /** Why /v1 refuses its token and what would make it work again; null while it works. */
  refusal: string | null;
  roll: RollState | null;
};

const DAY_MS = 24 * 3600 * 1000;

/** Said before a leaked credential is enabled: by the confirm dialog, and by the server when not acknowledged. */
export const LEAKED_TOKEN_WARNING = "This token was found in public. Anyone may have it.";

/** The list's banner: how many credentials stop working within EXPIRING_SOON_DAYS. */
export const expiringSoonText = (count: number) =>
  count === 1
    ? `1 credential expires within ${EXPIRING_SOON_DAYS} days.`
    : `${count} credentials expire within ${EXPIRING_SOON_DAYS} days.`;
const inWords = new Intl.RelativeTimeFormat("en", { numeric: "always" });

/**
 * "in 59 minutes", "in 3 days", "in 2 months": the time left, rounded to the nearest whole unit of
 * the largest unit that fits (a credential made "In 7 days" a moment ago still says "in 7 days").
 */
export function formatTimeLeft(ms: number): string {
  if (ms < 30_000) return "in less than a minute";
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return inWords.format(minutes, "minute");
  const hours = Math.round(ms / 3_600_000);
  if (hours < 24) return inWords.format(hours, "hour");
  const days = Math.round(ms / DAY_MS);
  if (days < 60) return inWords.format(days, "day");
  if (days < 365) return inWords.format(Math.round(days / 30), "month");
  return inWords.format(Math.round(days / 365), "year");
}

export function credentialState(credential: CredentialLifecycle, now: number): CredentialState {
  const revoked = credential.status === "revoked";
  const leaked = revoked && credential.revokedReason === "leaked";
  const expiresAt = credential.expiresAt ? Date.parse(credential.expiresAt) : null;
  const expired = isExpired(expiresAt, now);
  const left = expiresAt === null ? null : expiresAt - now;
  // Also a rolled credential's grace period (its badge counts down), which is not "expiring soon".
  const endsSoon = !revoked && endsWithinWindow(expiresAt, now);
  const expiringSoon = isExpiringSoon(
    { status: credential.status, expiresAt, replaced: Boolean(credential.replacedBy) },
    now,
  );

  const badges: StatusBadge[] = [];
  if (revoked) badges.push(leaked ? { label: "Leaked", tone: "danger" } : { label: "Revoked", tone: "neutral" });
  if (expired) badges.push({ label: "Expired", tone: "danger" });
  // A rolled credential's grace period shows the same way: it is the countdown to its end.
  if (endsSoon && left !== null) badges.push({ label: `Expires ${formatTimeLeft(left)}`, tone: "warning" });
  if (!badges.length) badges.push({ label: "Active", tone: "success" });
  // Still working (the team only notifies, or a member enabled it) although anyone may have its token.
  if (!revoked && !expired && credential.leak) badges.push({ label: "Found in public", tone: "warning" });

  return {
    revoked,
    leaked,
    expired,
    expiringSoon,
    badges,
    refusal: refusal(revoked, expired, leaked && !credential.replacedBy),
    roll: rollState(credential, expired, left),
  };
}

/** `leaked`: revoked for a leak and not rolled yet (a rolled one's replacement is the fix already). */
function refusal(revoked: boolean, expired: boolean, leaked: boolean): string | null {
  // Anyone may have a leaked token: a new one (Roll), not Enable, makes it safe to use again.
  if (leaked)
    return `Its token is refused: it was found in public and revoked${expired ? ", and it has expired" : ""}. Roll it to get a new token.`;
  // Enable does not touch the expiry: each cause needs its own fix, so both are named.
  if (revoked && expired)
    return "Its token is refused: it is revoked and it has expired. Enable it and change its expiry to use it again.";
  if (revoked) return "Its token is refused: it is revoked. Enable it to use it again.";
  if (expired) return "Its token is refused: it has expired. Change its expiry to use it again.";
  return null;
}

function rollState(credential: CredentialLifecycle, expired: boolean, left: number | null): RollState | null {
  if (!credential.replacedBy) return null;
  const countdown = expired
    ? "The old token no longer works."
    : left === null
      ? "The old token keeps working: it has no expiry."
      : `Old token stops working ${formatTimeLeft(left)}.`;
  // A use after the roll (recorded even within the minute of the one before) means something still sends the old token.
  const usedSinceRoll =
    credential.lastUsedAt !== null &&
    credential.rolledAt !== null &&
    Date.parse(credential.lastUsedAt) > Date.parse(credential.rolledAt);
  return {
    replacedBy: credential.replacedBy,
    countdown,
    endable: !expired,
    usage: usedSinceRoll
      ? { kind: "in_use", lastUsedAt: credential.lastUsedAt!, address: credential.lastUsedAddress }
      : { kind: "quiet" },
  };
}
