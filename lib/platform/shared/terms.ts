// The product's words, defined once: roles and environments come from the schema's enums, and
// their labels live here. Safe for client components (no server-only code).
import { environments, leakResponses, roles, usageOutcomes, type credentialActions } from "@/db/schema";

export { environments, leakResponses, roles, usageOutcomes };
export type Role = (typeof roles)[number];
export type Environment = (typeof environments)[number];
/** What happens when a token of the team is found in public (Settings → Security). */
export type LeakResponse = (typeof leakResponses)[number];
/** A change to a credential, as its activity entry names it (lib/credentials/store.ts `audit`, lib/auth/sudo.ts). */
export type CredentialAction = (typeof credentialActions)[number];

/** What became of a /v1 request made with a credential (lib/usage/counter.ts). */
export type UsageOutcome = (typeof usageOutcomes)[number];

/** In the order the charts stack them: answered first, then each refusal. */
export const usageOutcomeLabels: Record<UsageOutcome, string> = {
  success: "Success",
  client_error: "Client error (4xx)",
  server_error: "Server error (5xx)",
  revoked: "Revoked",
  expired: "Expired",
  ip_not_allowed: "IP not allowed",
  rate_limited: "Rate limited",
  wrong_environment: "Wrong environment",
};

/** The outcomes that are refusals by authentication: the Usage page's "refused" list. */
export const refusedOutcomes = [
  "revoked",
  "expired",
  "ip_not_allowed",
  "rate_limited",
  "wrong_environment",
] as const satisfies readonly UsageOutcome[];

export const roleLabels: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  developer: "Developer",
  read_only: "Read-only",
};

export const environmentLabels: Record<Environment, string> = { test: "Test", live: "Live" };

export const leakResponseLabels: Record<LeakResponse, string> = {
  revoke: "Revoke it and notify",
  notify: "Only notify",
};

export const isRole = (value: unknown): value is Role => (roles as readonly unknown[]).includes(value);
export const isEnvironment = (value: unknown): value is Environment =>
  (environments as readonly unknown[]).includes(value);
