// The product's words, defined once: roles and environments come from the schema's enums, and
// their labels live here. Safe for client components (no server-only code).
import { environments, roles } from "@/db/schema";

export { environments, roles };
export type Role = (typeof roles)[number];
export type Environment = (typeof environments)[number];

export const roleLabels: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  developer: "Developer",
  read_only: "Read-only",
};

export const environmentLabels: Record<Environment, string> = { test: "Test", live: "Live" };

export const isRole = (value: unknown): value is Role => (roles as readonly unknown[]).includes(value);
export const isEnvironment = (value: unknown): value is Environment => (environments as readonly unknown[]).includes(value);
