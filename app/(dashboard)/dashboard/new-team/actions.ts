"use server";
// Creating a team acts on no existing team, so it needs only a signed-in user (userAction);
// the creator becomes the new team's Owner.
import { userAction } from "@/lib/action";
import { createTeam } from "@/lib/teams";
import { CreateTeamInput } from "@/lib/validation/members";

export const createTeamAction = userAction(CreateTeamInput, ({ name }, { actor }) => createTeam(actor, name));
