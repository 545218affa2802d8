"use server";
// The Members page's server actions: public POST endpoints. Each goes through withTeamAction (session,
// zod input, the caller's membership from the database) and then lib/members, which checks the
// permission, re-reads the roles it decides on under a lock, enforces the Owner rules and then sudo
// mode (lib/auth/sudo.ts: inviting or promoting someone who reaches Live access, removing a member).
import { withTeamAction } from "@/lib/dashboard";
import { changeRole, inviteMember, leaveTeam, removeMember, revokeInvitation } from "@/lib/members";
import {
  ChangeRoleInput,
  InviteMemberInput,
  LeaveTeamInput,
  RemoveMemberInput,
  RevokeInvitationInput,
} from "@/lib/members";

/** The only response that ever carries the invitation's token. */
export const inviteMemberAction = withTeamAction(InviteMemberInput, ({ email, role }, { access }) =>
  inviteMember(access, { email, role }),
);

export const revokeInvitationAction = withTeamAction(RevokeInvitationInput, ({ id }, { access }) =>
  revokeInvitation(access, { id }),
);

export const changeRoleAction = withTeamAction(ChangeRoleInput, ({ userId, role }, { access }) =>
  changeRole(access, { userId, role }),
);

export const removeMemberAction = withTeamAction(RemoveMemberInput, ({ userId }, { access }) =>
  removeMember(access, { userId }),
);

/** Any member may leave; lib/members keeps the last Owner from leaving. */
export const leaveTeamAction = withTeamAction(LeaveTeamInput, (_input, { access }) => leaveTeam(access));
