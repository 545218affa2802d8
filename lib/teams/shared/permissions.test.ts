import { describe, expect, it } from "vitest";
import {
  can,
  grantableRoles,
  invitationRefusal,
  leaveRefusal,
  mayManageMember,
  removalRefusal,
  roleChangeRefusal,
  type Permission,
} from "./permissions";
import type { Role } from "@/lib/platform/shared/terms";

describe("the permission table", () => {
  const expected: Record<Role, Record<Permission, boolean>> = {
    owner: {
      "credentials:view": true,
      "credentials:manage": true,
      "activity:view": true,
      "members:view": true,
      "members:manage": true,
      "settings:manage": true,
    },
    admin: {
      "credentials:view": true,
      "credentials:manage": true,
      "activity:view": true,
      "members:view": true,
      "members:manage": true,
      "settings:manage": true,
    },
    developer: {
      "credentials:view": true,
      "credentials:manage": true,
      "activity:view": true,
      "members:view": true,
      "members:manage": false,
      "settings:manage": false,
    },
    read_only: {
      "credentials:view": true,
      "credentials:manage": false,
      "activity:view": true,
      "members:view": true,
      "members:manage": false,
      "settings:manage": false,
    },
  };
  for (const [role, permissions] of Object.entries(expected) as [Role, Record<Permission, boolean>][]) {
    it(`gives ${role} exactly its permissions`, () => {
      for (const [permission, allowed] of Object.entries(permissions) as [Permission, boolean][]) {
        expect(can(role, permission), `${role} ${permission}`).toBe(allowed);
      }
    });
  }
});

describe("the Owner rules", () => {
  const me = (role: Role) => ({ userId: "me", role });
  const other = (role: Role) => ({ userId: "other", role });

  it("Owners grant every role, Admins every role but Owner, others none", () => {
    expect(grantableRoles("owner")).toEqual(["owner", "admin", "developer", "read_only"]);
    expect(grantableRoles("admin")).toEqual(["admin", "developer", "read_only"]);
    expect(grantableRoles("developer")).toEqual([]);
    expect(grantableRoles("read_only")).toEqual([]);
  });

  // [actor, target's role, new role, Owners in the team, expected refusal code or null]
  const roleChanges: [Role, Role, Role, number, string | null][] = [
    ["owner", "admin", "owner", 1, null],
    ["owner", "owner", "admin", 2, null],
    ["owner", "owner", "admin", 1, "conflict"],
    ["admin", "developer", "admin", 1, null],
    ["admin", "developer", "owner", 1, "forbidden"],
    ["admin", "owner", "admin", 2, "forbidden"],
    ["developer", "read_only", "developer", 1, "forbidden"],
    ["read_only", "developer", "read_only", 1, "forbidden"],
    ["admin", "developer", "developer", 1, null],
  ];
  for (const [actor, from, to, owners, refused] of roleChanges) {
    it(`${actor} changing a ${from} to ${to} with ${owners} Owner(s): ${refused ?? "allowed"}`, () => {
      expect(roleChangeRefusal(me(actor), other(from), to, owners)?.code ?? null).toBe(refused);
    });
  }

  it("nobody raises their own role; an Owner may step down while another Owner remains", () => {
    expect(roleChangeRefusal(me("admin"), me("admin"), "owner", 1)).toMatchObject({
      code: "forbidden",
      message: "You cannot raise your own role.",
    });
    expect(roleChangeRefusal(me("admin"), me("admin"), "developer", 1)).toBeNull();
    expect(roleChangeRefusal(me("owner"), me("owner"), "admin", 2)).toBeNull();
    expect(roleChangeRefusal(me("owner"), me("owner"), "admin", 1)?.code).toBe("conflict");
  });

  // [actor, target's role, Owners, expected]
  const removals: [Role, Role, number, string | null][] = [
    ["owner", "owner", 2, null],
    ["owner", "owner", 1, "conflict"],
    ["owner", "read_only", 1, null],
    ["admin", "owner", 2, "forbidden"],
    ["admin", "admin", 1, null],
    ["developer", "read_only", 1, "forbidden"],
  ];
  for (const [actor, target, owners, refused] of removals) {
    it(`${actor} removing a ${target} with ${owners} Owner(s): ${refused ?? "allowed"}`, () => {
      expect(removalRefusal(me(actor), other(target), owners)?.code ?? null).toBe(refused);
    });
  }

  it("removing yourself is leaving; the last Owner cannot leave", () => {
    expect(removalRefusal(me("owner"), me("owner"), 2)?.code).toBe("invalid_input");
    expect(leaveRefusal("owner", 1)?.code).toBe("conflict");
    expect(leaveRefusal("owner", 2)).toBeNull();
    expect(leaveRefusal("read_only", 1)).toBeNull();
  });

  it("only Owners invite Owners or revoke their invitations; Admins may not touch Owners", () => {
    expect(invitationRefusal("owner", "owner")).toBeNull();
    expect(invitationRefusal("admin", "owner")?.code).toBe("forbidden");
    expect(invitationRefusal("admin", "developer")).toBeNull();
    expect(invitationRefusal("developer", "read_only")?.code).toBe("forbidden");
    expect(mayManageMember("admin", "owner")).toBe(false);
    expect(mayManageMember("admin", "admin")).toBe(true);
    expect(mayManageMember("owner", "owner")).toBe(true);
    expect(mayManageMember("developer", "read_only")).toBe(false);
  });
});
