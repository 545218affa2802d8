// The one permission table: which role may do what. The server enforces it (lib/memberships.ts);
// the UI only uses its answers to hide controls.
import { roles } from "@/db/schema";

export type Role = (typeof roles)[number];
export type Permission = "credentials:view" | "credentials:manage" | "activity:view" | "members:view" | "members:manage";

const permissionsByRole: Record<Role, readonly Permission[]> = {
  owner: ["credentials:view", "credentials:manage", "activity:view", "members:view", "members:manage"],
  admin: ["credentials:view", "credentials:manage", "activity:view", "members:view", "members:manage"],
  developer: ["credentials:view", "credentials:manage", "activity:view", "members:view"],
  read_only: ["credentials:view", "activity:view", "members:view"],
};

export function can(role: Role, permission: Permission): boolean {
  return permissionsByRole[role].includes(permission);
}

export const roleLabels: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  developer: "Developer",
  read_only: "Read-only",
};
