"use server";
// Creating a team acts on no existing team, so there is no membership to authorize: it needs only a
// signed-in user (withUserAction). The creator becomes the new team's Owner.
import { withUserAction } from "@/lib/dashboard";
import { createTeam } from "@/lib/teams";
import { CreateTeamInput } from "@/lib/members";

export const createTeamAction = withUserAction(CreateTeamInput, ({ name }, { user }) => createTeam(user.id, name));
