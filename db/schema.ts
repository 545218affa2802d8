// Drizzle tables. No column holds a plaintext token: credentials keep only a SHA-256 hash
// and a masked display string.
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  jsonb,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

export const roles = ["owner", "admin", "developer", "read_only"] as const;
export const environments = ["test", "live"] as const;
export const credentialStatuses = ["active", "revoked"] as const;
export const credentialActions = [
  "created",
  "renamed",
  "revoked",
  "enabled",
  "deleted",
  "rolled",
  "expiry_changed",
  "allowed_addresses_changed",
  // Found in public while the team's setting was "Only notify": recorded, not revoked.
  "leak_reported",
] as const;
/** Why a credential was revoked: by a member, by the secret-scanning report of a leak, or by anyone holding the token. */
export const revokedReasons = ["manual", "leaked", "public_report"] as const;
/** What happens when a team's token is found in public (Settings → Security). */
export const leakResponses = ["revoke", "notify"] as const;
export const shipmentStatuses = ["created", "in_transit", "delivered", "cancelled"] as const;
/** What became of a /v1 request made with a credential (lib/usage/counter.ts decides). */
export const usageOutcomes = [
  "success",
  "client_error",
  "server_error",
  "revoked",
  "expired",
  "ip_not_allowed",
  "rate_limited",
  "wrong_environment",
] as const;
export const memberActions = ["invited", "invitation_revoked", "joined", "role_changed", "removed", "left"] as const;

export const roleEnum = pgEnum("member_role", roles);
export const environmentEnum = pgEnum("environment", environments);
export const credentialStatusEnum = pgEnum("credential_status", credentialStatuses);
export const credentialActionEnum = pgEnum("credential_action", credentialActions);
export const shipmentStatusEnum = pgEnum("shipment_status", shipmentStatuses);
export const usageOutcomeEnum = pgEnum("usage_outcome", usageOutcomes);
export const memberActionEnum = pgEnum("member_action", memberActions);
export const revokedReasonEnum = pgEnum("revoked_reason", revokedReasons);
export const leakResponseEnum = pgEnum("leak_response", leakResponses);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * When the person proved they read mail at `email` (a link from lib/accounts). Null: not proved —
     * accounts from before verification existed included (docs/decisions/016); such an account can
     * sign in but joins no team by invitation until verified.
     */
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(t.email),
    check("users_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);

export const teams = pgTable(
  "teams",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** The team's one setting so far, so it lives on the team's row (read in the leak report's one query). */
    leakResponse: leakResponseEnum("leak_response").notNull().default("revoke"),
  },
  (t) => [uniqueIndex("teams_slug_unique").on(t.slug)],
);

export const memberships = pgTable(
  "memberships",
  {
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

export const apiCredentials = pgTable(
  "api_credentials",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    environment: environmentEnum("environment").notNull(),
    name: text("name").notNull(),
    /** SHA-256 hex of the whole token. */
    tokenHash: text("token_hash").notNull(),
    /** First 12 characters, "…", last 4: enough to recognise, useless to an attacker. */
    tokenDisplay: text("token_display").notNull(),
    status: credentialStatusEnum("status").notNull().default("active"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    /** The client address of the use written with lastUsedAt (as lib/platform/client-address.ts decided it). */
    lastUsedAddress: text("last_used_address"),
    /** Null: never expires. /v1 refuses the token from this instant on (expired_credential). */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    /** Set on the OLD credential by a roll: the credential that replaced it. */
    replacedById: uuid("replaced_by_id").references((): AnyPgColumn => apiCredentials.id, { onDelete: "set null" }),
    /** Set on the OLD credential by a roll: when it was rolled ("still in use" compares last_used_at with it). */
    rolledAt: timestamp("rolled_at", { withTimezone: true }),
    /** Canonical CIDRs (lib/credentials/shared/addresses.ts) the token may be used from; empty: any address. */
    allowedCidrs: text("allowed_cidrs")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Set with status "revoked"; null while active (and for credentials revoked before it existed: manual). */
    revokedReason: revokedReasonEnum("revoked_reason"),
    /** When, where and how the token was found in public (a secret-scanning report); null: never reported. */
    leakedAt: timestamp("leaked_at", { withTimezone: true }),
    leakUrl: text("leak_url"),
    leakSource: text("leak_source"),
  },
  (t) => [
    uniqueIndex("api_credentials_token_hash_unique").on(t.tokenHash),
    index("api_credentials_team_env_created_idx").on(t.teamId, t.environment, t.createdAt),
    // A roll links one old credential to one new one: "Replaces …" on a credential's page finds it
    // here, as does the foreign key's ON DELETE SET NULL.
    uniqueIndex("api_credentials_replaced_by_unique").on(t.replacedById),
  ],
);

export const credentialEvents = pgTable(
  "credential_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    environment: environmentEnum("environment").notNull(),
    // No foreign key: the audit trail outlives a deleted credential.
    credentialId: uuid("credential_id").notNull(),
    credentialName: text("credential_name").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    action: credentialActionEnum("action").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("credential_events_team_env_created_idx").on(t.teamId, t.environment, t.createdAt)],
);

/** Shipments created through the /v1 API. Every row carries its team and environment; every query filters by both. */
export const shipments = pgTable(
  "shipments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    environment: environmentEnum("environment").notNull(),
    reference: text("reference"),
    recipientName: text("recipient_name").notNull(),
    recipientAddress: text("recipient_address").notNull(),
    weightGrams: integer("weight_grams").notNull(),
    status: shipmentStatusEnum("status").notNull().default("created"),
    // The credential that created it; kept (as null) when that credential is deleted.
    createdByCredentialId: uuid("created_by_credential_id").references(() => apiCredentials.id, {
      onDelete: "set null",
    }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Serves the newest-first list and its starting_after cursor: (created_at, id) within a team and environment.
    index("shipments_team_env_created_idx").on(t.teamId, t.environment, t.createdAt, t.id),
    check("shipments_weight_range", sql`${t.weightGrams} between 1 and 70000`),
  ],
);

/** A one-time invitation link. Only the SHA-256 hash of its token is stored. */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: roleEnum("role").notNull(),
    /** SHA-256 hex of the token in the link. */
    tokenHash: text("token_hash").notNull(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_unique").on(t.tokenHash),
    index("invitations_team_created_idx").on(t.teamId, t.createdAt),
    check("invitations_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);

/**
 * A link mailed to prove an address (lib/accounts). Either a sign-up waiting for its link (no user
 * yet: the name and the password's bcrypt hash, and the invitation it joins, if any) or an existing
 * account's "Verify your email" (`user_id`). Only the SHA-256 hash of the link's token is stored. One
 * row per address: a newer request replaces the older one, whose link then stops working. A used row
 * stays (without its password hash) so its link can say it was used, until the address asks again.
 */
export const emailVerifications = pgTable(
  "email_verifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    /** SHA-256 hex of the token in the link. */
    tokenHash: text("token_hash").notNull(),
    /** The account this link verifies; null for a sign-up (the account is made when the link is used). */
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    name: text("name"),
    /** bcrypt, as users.password_hash; cleared once the link is used. */
    passwordHash: text("password_hash"),
    /** The invitation to join once the address is proved (a new person's, or a signed-in invitee's). */
    invitationId: uuid("invitation_id").references(() => invitations.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("email_verifications_email_unique").on(t.email),
    uniqueIndex("email_verifications_token_hash_unique").on(t.tokenHash),
    // Pruning: rows expired a week ago go (lib/accounts/links.ts).
    index("email_verifications_expires_idx").on(t.expiresAt),
    check("email_verifications_email_lower", sql`${t.email} = lower(${t.email})`),
    // A sign-up carries what the account will be made of until it is used; a verification names its account.
    check(
      "email_verifications_kind",
      sql`${t.userId} is not null or ${t.usedAt} is not null or (${t.name} is not null and ${t.passwordHash} is not null)`,
    ),
  ],
);

/** The members' side of the activity log: team-wide, so it shows in both environments. */
export const memberEvents = pgTable(
  "member_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    // The subject as it was at the time: an invitee has no user yet, and a removed user may be deleted later.
    subjectUserId: uuid("subject_user_id").references(() => users.id, { onDelete: "set null" }),
    subjectEmail: text("subject_email").notNull(),
    subjectName: text("subject_name"),
    action: memberActionEnum("action").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("member_events_team_created_idx").on(t.teamId, t.createdAt)],
);

/**
 * Throttle counters shared by every instance (lib/platform/throttle.ts, through rate-limiter-flexible's Drizzle
 * store): one row per throttle and key (an email, a client address), its count and when the window ends.
 * Not used when REDIS_URL is set.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    points: integer("points").notNull().default(0),
    expire: timestamp("expire", { withTimezone: true }),
  },
  (t) => [index("rate_limits_expire_idx").on(t.expire)],
);

/**
 * Dashboard sign-in sessions. The session cookie (an Auth.js JWT) names a row here; signing out deletes
 * it, so a copied cookie stops working at once. `passwordConfirmedAt` is the last time the member typed
 * their password again (sudo mode for Live credentials).
 */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    passwordConfirmedAt: timestamp("password_confirmed_at", { withTimezone: true }),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

// POST /v1/shipments with an Idempotency-Key: one row per key, per team and environment, for 24
// hours (lib/platform/idempotency.ts). Written with the response, in the transaction of the request's
// work, which holds an advisory lock on the key while it runs; a retry gets the kept response again. A
// 5xx is not kept (nothing is written).
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    environment: environmentEnum("environment").notNull(),
    key: text("key").notNull(),
    // SHA-256 of the method, path and body: the same key with another request is refused.
    requestHash: text("request_hash").notNull(),
    // The claim of the version before (docs/decisions/012): a row without a response is one such claim
    // (taken over by the same request); a new lock_id makes its guarded update fail. Unused after that.
    lockId: uuid("lock_id").notNull(),
    lockedAt: timestamp("locked_at", { withTimezone: true }).notNull().defaultNow(),
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.environment, t.key] }),
    index("idempotency_keys_created_idx").on(t.createdAt),
  ],
);

// Requests per credential by outcome (lib/usage/counter.ts writes, lib/usage/queries.ts reads): each
// instance adds its counts every few seconds with `count = count + excluded.count`, so any number
// of instances add up. Hourly buckets for the last day's chart; the same counts by UTC day for
// longer periods and the team's page (summing a month of hourly rows for 1,000 credentials took
// 0.66 s; the daily rows, 0.03 s: docs/architecture.md, "Usage"). Both kept 90 days.
export const credentialUsage = pgTable(
  "credential_usage",
  {
    credentialId: uuid("credential_id")
      .notNull()
      .references(() => apiCredentials.id, { onDelete: "cascade" }),
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    outcome: usageOutcomeEnum("outcome").notNull(),
    count: bigint("count", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.credentialId, t.hour, t.outcome] }), index("credential_usage_hour_idx").on(t.hour)],
);

export const credentialUsageDaily = pgTable(
  "credential_usage_daily",
  {
    credentialId: uuid("credential_id")
      .notNull()
      .references(() => apiCredentials.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    outcome: usageOutcomeEnum("outcome").notNull(),
    count: bigint("count", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.credentialId, t.day, t.outcome] }),
    index("credential_usage_daily_day_idx").on(t.day),
  ],
);
