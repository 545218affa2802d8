// The product's words, defined once: roles and environments come from the schema's enums, and
// their labels live here. Safe for client components (no server-only code).
import { environments, leakResponses, roles } from "@/db/schema";

export { environments, leakResponses, roles };
export type Role = (typeof roles)[number];
export type Environment = (typeof environments)[number];
/** What happens when a token of the team is found in public (Settings → Security). */
export type LeakResponse = (typeof leakResponses)[number];

export const roleLabels: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  developer: "Developer",
  read_only: "Read-only",
};

export const environmentLabels: Record<Environment, string> = { test: "Test", live: "Live" };

export const leakResponseLabels: Record<LeakResponse, string> = { revoke: "Revoke it and notify", notify: "Only notify" };

export const isRole = (value: unknown): value is Role => (roles as readonly unknown[]).includes(value);
export const isEnvironment = (value: unknown): value is Environment => (environments as readonly unknown[]).includes(value);
