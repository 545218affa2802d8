// Who may do what, in one file: the permission table, and the Owner rules for changing members.
// Pure functions: the server enforces them (lib/teams/access.ts; lib/members/members.ts and
// lib/members/invitations.ts) and the UI uses the same answers to hide controls it would refuse anyway.
import { roles, type Role } from "@/lib/platform/shared";

export type Permission =
  "credentials:view" | "credentials:manage" | "activity:view" | "members:view" | "members:manage" | "settings:manage";

// "settings:manage": the team's settings (Settings → Security: what happens to a token found in public).
const permissionsByRole: Record<Role, readonly Permission[]> = {
  owner: [
    "credentials:view",
    "credentials:manage",
    "activity:view",
    "members:view",
    "members:manage",
    "settings:manage",
  ],
  admin: [
    "credentials:view",
    "credentials:manage",
    "activity:view",
    "members:view",
    "members:manage",
    "settings:manage",
  ],
  developer: ["credentials:view", "credentials:manage", "activity:view", "members:view"],
  read_only: ["credentials:view", "activity:view", "members:view"],
};

export function can(role: Role, permission: Permission): boolean {
  return permissionsByRole[role].includes(permission);
}

/** The roles that have a permission, highest first ("who can create one?"). */
export function rolesWith(permission: Permission): Role[] {
  return roles.filter((role) => can(role, permission));
}

// ---- The Owner rules. A team always keeps an Owner; only an Owner makes, changes or removes one.

/** Why a members change is refused, in words for the user; null when it is allowed. */
export type Refusal = { code: "forbidden" | "conflict" | "invalid_input"; message: string } | null;

type Member = { userId: string; role: Role };

const rank: Record<Role, number> = { read_only: 0, developer: 1, admin: 2, owner: 3 };
const ownersOnly: Refusal = { code: "forbidden", message: "Only an Owner can make, change or remove an Owner." };
const needsAnOwner: Refusal = {
  code: "conflict",
  message: "A team needs at least one Owner. Make another member an Owner first.",
};
const notAllowed: Refusal = { code: "forbidden", message: "Your role does not allow this." };

/** The roles a member may give (by invitation or role change): Owners every role, Admins all but Owner. */
export function grantableRoles(actorRole: Role): Role[] {
  if (!can(actorRole, "members:manage")) return [];
  return roles.filter((r) => actorRole === "owner" || r !== "owner");
}

/** Whether the actor may change or remove a member of this role at all (Admins may not touch Owners). */
export function mayManageMember(actorRole: Role, targetRole: Role): boolean {
  return can(actorRole, "members:manage") && (actorRole === "owner" || targetRole !== "owner");
}

/** Invite someone with this role, or revoke an invitation for it. */
export function invitationRefusal(actorRole: Role, invitedRole: Role): Refusal {
  if (!can(actorRole, "members:manage")) return notAllowed;
  return grantableRoles(actorRole).includes(invitedRole) ? null : ownersOnly;
}

/** Change `target`'s role to `to`, with `owners` Owners in the team. */
export function roleChangeRefusal(actor: Member, target: Member, to: Role, owners: number): Refusal {
  if (!can(actor.role, "members:manage")) return notAllowed;
  if (target.role === to) return null;
  if (target.userId === actor.userId && rank[to] > rank[target.role])
    return { code: "forbidden", message: "You cannot raise your own role." };
  if (!mayManageMember(actor.role, target.role) || !grantableRoles(actor.role).includes(to)) return ownersOnly;
  if (target.role === "owner" && owners <= 1) return needsAnOwner;
  return null;
}

/** Remove `target` from the team (leaving yourself is `leaveRefusal`). */
export function removalRefusal(actor: Member, target: Member, owners: number): Refusal {
  if (!can(actor.role, "members:manage")) return notAllowed;
  if (target.userId === actor.userId)
    return { code: "invalid_input", message: "To leave the team yourself, use “Leave team”." };
  if (!mayManageMember(actor.role, target.role)) return ownersOnly;
  if (target.role === "owner" && owners <= 1) return needsAnOwner;
  return null;
}

/**
 * Leave the team: anyone may, except its last Owner. The members page shows the same words beside a
 * disabled "Leave team", counting the Owners in the list it shows.
 */
export function leaveRefusal(role: Role, owners: number): Refusal {
  return role === "owner" && owners <= 1
    ? { code: "conflict", message: "You are the only Owner. Make another member an Owner before leaving." }
    : null;
}
