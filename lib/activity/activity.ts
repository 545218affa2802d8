// The activity log of a team in one environment: its credential events merged with the team's
// member events (team-wide, so they show in both environments), newest first, a page at a time.
// Nothing here can reveal a token: credentials appear by name and masked display string only.
import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import {
  apiCredentials,
  credentialActions,
  credentialEvents,
  memberActions,
  memberEvents,
  revokedReasons,
  users,
} from "@/db/schema";
import { requirePermission, type TeamAccess } from "@/lib/teams";
import { GRACE_PERIODS, type GracePeriod } from "@/lib/credentials/shared";
import { isRole, type CredentialAction, type Role } from "@/lib/platform/shared";

export const ACTIVITY_PAGE_SIZE = 50;
export const activityActions = [...credentialActions, ...memberActions] as const;
/** The filter's groups, in the order the page shows them. */
export const activityActionGroups = [
  ["Credentials", credentialActions],
  ["Members", memberActions],
] as const;
export type ActivityAction = (typeof activityActions)[number];

type Person = { name: string; email: string };
type RevokedReason = (typeof revokedReasons)[number];
/** Who acted when no member did: a secret-scanning report, or whoever holds the token (the public revoke). */
export type AutomaticActor = "secret_scanning" | "public_report";

export type ActivityEntry = {
  id: string;
  at: string;
  /** Null when the acting user's account no longer exists. */
  actor: Person | null;
} & (
  | {
      kind: "credential";
      action: CredentialAction;
      credential: { name: string; tokenDisplay: string | null };
      renamed: { from: string; to: string } | null;
      /** A roll: the new credential's masked token, and when the old one stops working. */
      rolled: { newTokenDisplay: string | null; grace: GracePeriod | null } | null;
      /** Expiry before and after (ISO; null: never). */
      expiryChange: { from: string | null; to: string | null } | null;
      /** Allowed CIDRs before and after (empty: any address). */
      allowedAddressesChange: { from: string[]; to: string[] } | null;
      /** A revoke's reason (events from before reasons were recorded: manual). */
      revokedReason: RevokedReason | null;
      /** Where its token was found in public: a revoke by secret scanning, or a leak_reported. */
      foundAt: string | null;
      /** An enable of a credential whose token had been found in public (the member confirmed it). */
      enabledLeaked: boolean;
      /** Set when no member acted (the actor is then null on purpose, not a deleted account). */
      automatic: AutomaticActor | null;
    }
  | {
      kind: "member";
      action: (typeof memberActions)[number];
      subject: { email: string; name: string | null };
      role: Role | null;
      roleChange: { from: Role; to: Role } | null;
    }
);

export type ActivityPage = { entries: ActivityEntry[]; page: number; hasOlder: boolean };

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);
const role = (value: unknown): Role | null => (isRole(value) ? value : null);
const grace = (value: unknown): GracePeriod | null =>
  (GRACE_PERIODS as readonly unknown[]).includes(value) ? (value as GracePeriod) : null;
const texts = (value: unknown): string[] | null =>
  Array.isArray(value) && value.every((v) => typeof v === "string") ? value : null;
const reason = (value: unknown): RevokedReason =>
  (revokedReasons as readonly unknown[]).includes(value) ? (value as RevokedReason) : "manual";
const nested = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" ? (value as Record<string, unknown>) : {};

/**
 * One page of the log. Credential details are read by known keys only: `from`/`to` of a rename, an
 * expiry change or an allowed-addresses change, `replacedBy.tokenDisplay` and `grace` of a roll,
 * `reason` and `url` of a revoke and `url` of a leak_reported, `leaked` of an enable, and
 * `tokenDisplay` (the masked token, kept by the event so it survives a delete); otherwise the masked
 * token comes from the credential while it still exists.
 */
export async function listActivity(
  access: TeamAccess,
  filters: { action?: ActivityAction; page: number },
): Promise<ActivityPage> {
  requirePermission(access, "activity:view");
  const { team, environment } = access;
  const db = await getDb();
  const only = (column: typeof credentialEvents.action | typeof memberEvents.action) =>
    filters.action ? sql`${column}::text = ${filters.action}` : undefined;

  const credentialSide = db
    .select({
      id: credentialEvents.id,
      kind: sql<"credential" | "member">`'credential'`.as("kind"),
      action: sql<string>`${credentialEvents.action}::text`.as("action"),
      createdAt: credentialEvents.createdAt,
      actorName: users.name,
      actorEmail: users.email,
      credentialName: sql<string | null>`${credentialEvents.credentialName}`.as("credential_name"),
      tokenDisplay: sql<
        string | null
      >`coalesce(${credentialEvents.details}->>'tokenDisplay', ${apiCredentials.tokenDisplay})`.as("token_display"),
      subjectEmail: sql<string | null>`null`.as("subject_email"),
      subjectName: sql<string | null>`null`.as("subject_name"),
      details: credentialEvents.details,
    })
    .from(credentialEvents)
    .leftJoin(users, eq(users.id, credentialEvents.actorUserId))
    .leftJoin(
      apiCredentials,
      and(
        eq(apiCredentials.id, credentialEvents.credentialId),
        eq(apiCredentials.teamId, credentialEvents.teamId),
        eq(apiCredentials.environment, credentialEvents.environment),
      ),
    )
    .where(
      and(
        eq(credentialEvents.teamId, team.id),
        eq(credentialEvents.environment, environment),
        only(credentialEvents.action),
      ),
    );

  const memberSide = db
    .select({
      id: memberEvents.id,
      kind: sql<"credential" | "member">`'member'`.as("kind"),
      action: sql<string>`${memberEvents.action}::text`.as("action"),
      createdAt: memberEvents.createdAt,
      actorName: users.name,
      actorEmail: users.email,
      credentialName: sql<string | null>`null`.as("credential_name"),
      tokenDisplay: sql<string | null>`null`.as("token_display"),
      subjectEmail: sql<string | null>`${memberEvents.subjectEmail}`.as("subject_email"),
      subjectName: sql<string | null>`${memberEvents.subjectName}`.as("subject_name"),
      details: memberEvents.details,
    })
    .from(memberEvents)
    .leftJoin(users, eq(users.id, memberEvents.actorUserId))
    .where(and(eq(memberEvents.teamId, team.id), only(memberEvents.action)));

  const page = Math.max(1, filters.page);
  const rows = await credentialSide
    .unionAll(memberSide)
    .orderBy(desc(sql.identifier("created_at")), desc(sql.identifier("id")))
    .limit(ACTIVITY_PAGE_SIZE + 1)
    .offset((page - 1) * ACTIVITY_PAGE_SIZE);

  const entries = rows.slice(0, ACTIVITY_PAGE_SIZE).map((r): ActivityEntry => {
    const base = {
      id: r.id,
      at: new Date(r.createdAt).toISOString(),
      actor: r.actorEmail ? { name: r.actorName ?? "", email: r.actorEmail } : null,
    };
    const details = r.details ?? {};
    if (r.kind === "credential") {
      const from = text(details.from);
      const to = text(details.to);
      const revokedReason = r.action === "revoked" ? reason(details.reason) : null;
      const automatic =
        r.action === "leak_reported" || revokedReason === "leaked"
          ? "secret_scanning"
          : revokedReason === "public_report"
            ? "public_report"
            : null;
      return {
        ...base,
        kind: "credential",
        action: r.action as CredentialAction,
        credential: { name: r.credentialName ?? "", tokenDisplay: r.tokenDisplay },
        renamed: r.action === "renamed" && from !== null && to !== null ? { from, to } : null,
        rolled:
          r.action === "rolled"
            ? { newTokenDisplay: text(nested(details.replacedBy).tokenDisplay), grace: grace(details.grace) }
            : null,
        expiryChange: r.action === "expiry_changed" ? { from: text(details.from), to: text(details.to) } : null,
        allowedAddressesChange:
          r.action === "allowed_addresses_changed"
            ? { from: texts(details.from) ?? [], to: texts(details.to) ?? [] }
            : null,
        revokedReason,
        foundAt: automatic === "secret_scanning" ? text(details.url) : null,
        enabledLeaked: r.action === "enabled" && details.leaked === true,
        automatic,
      };
    }
    const from = role(details.from);
    const to = role(details.to);
    return {
      ...base,
      kind: "member",
      action: r.action as (typeof memberActions)[number],
      subject: { email: r.subjectEmail ?? "", name: r.subjectName },
      role: role(details.role),
      roleChange: from && to ? { from, to } : null,
    };
  });
  return { entries, page, hasOlder: rows.length > ACTIVITY_PAGE_SIZE };
}
