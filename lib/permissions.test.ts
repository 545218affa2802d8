import { describe, expect, it } from "vitest";
import { can, type Permission, type Role } from "./permissions";

describe("the permission table", () => {
  const expected: Record<Role, Record<Permission, boolean>> = {
    owner: { "credentials:view": true, "credentials:manage": true, "activity:view": true, "members:view": true, "members:manage": true },
    admin: { "credentials:view": true, "credentials:manage": true, "activity:view": true, "members:view": true, "members:manage": true },
    developer: { "credentials:view": true, "credentials:manage": true, "activity:view": true, "members:view": true, "members:manage": false },
    read_only: { "credentials:view": true, "credentials:manage": false, "activity:view": true, "members:view": true, "members:manage": false },
  };
  for (const [role, permissions] of Object.entries(expected) as [Role, Record<Permission, boolean>][]) {
    it(`gives ${role} exactly its permissions`, () => {
      for (const [permission, allowed] of Object.entries(permissions) as [Permission, boolean][]) {
        expect(can(role, permission), `${role} ${permission}`).toBe(allowed);
      }
    });
  }
});
