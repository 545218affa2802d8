"use server";
// The Members page's server actions: public POST endpoints. Each goes through withTeamAction (session,
// zod input, membership from the database, permission table) and then lib/members, which checks
// again under a lock and enforces the Owner rules.
import { withTeamAction } from "@/lib/action";
import { changeRole, inviteMember, leaveTeam, removeMember, revokeInvitation } from "@/lib/members";
import { ChangeRoleInput, InviteMemberInput, LeaveTeamInput, RemoveMemberInput, RevokeInvitationInput } from "@/lib/validation/members";

/** The only response that ever carries the invitation's token. */
export const inviteMemberAction = withTeamAction(InviteMemberInput, "members:manage", ({ team, email, role }, { actor }) =>
  inviteMember(actor, team, { email, role }),
);

export const revokeInvitationAction = withTeamAction(RevokeInvitationInput, "members:manage", ({ team, id }, { actor }) =>
  revokeInvitation(actor, team, { id }),
);

export const changeRoleAction = withTeamAction(ChangeRoleInput, "members:manage", ({ team, userId, role }, { actor }) =>
  changeRole(actor, team, { userId, role }),
);

export const removeMemberAction = withTeamAction(RemoveMemberInput, "members:manage", ({ team, userId }, { actor }) =>
  removeMember(actor, team, { userId }),
);

/** Leaving needs only membership ("members:view"); lib/members keeps the last Owner from leaving. */
export const leaveTeamAction = withTeamAction(LeaveTeamInput, "members:view", ({ team }, { actor }) => leaveTeam(actor, team));
