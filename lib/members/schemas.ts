// Input of the members, invitation and team actions, derived from the account rules and the team scope.
import { z } from "zod";
import { roles } from "@/db/schema";
import { TeamName, TeamScope } from "@/lib/teams/shared";
import { SignUpInput } from "@/lib/auth";

export const MemberRole = z.enum(roles, { error: "Choose a role." });
export const MemberId = z.uuid({ error: "Unknown member." });
export const InvitationId = z.uuid({ error: "Unknown invitation." });
/** 32 random bytes, base64url: 43 characters. */
export const InvitationToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This invitation link is not valid.");

export const InviteMemberInput = TeamScope.extend({ email: SignUpInput.shape.email, role: MemberRole });
export const RevokeInvitationInput = TeamScope.extend({ id: InvitationId });
export const ChangeRoleInput = TeamScope.extend({ userId: MemberId, role: MemberRole });
export const RemoveMemberInput = TeamScope.extend({ userId: MemberId });
export const LeaveTeamInput = TeamScope;

export const CreateTeamInput = z.object({ name: TeamName });

export const AcceptAsNewUserInput = z.object({
  token: InvitationToken,
  name: SignUpInput.shape.name,
  password: SignUpInput.shape.password,
});
