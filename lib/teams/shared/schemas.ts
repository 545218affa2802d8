// Input of the team settings actions (Settings → Security), derived from the schema's enum and the team scope.
import { z } from "zod";
import { leakResponses } from "@/db/schema";
import { nameText } from "@/lib/platform/shared";
import { TeamScope } from "./scope";

export const TEAM_NAME_MAX_LENGTH = 64;
/** A team's name ("Create team", and the first team a sign-up makes): the one name rule. */
export const TeamName = nameText({ max: TEAM_NAME_MAX_LENGTH });

export const LeakResponse = z.enum(leakResponses, { error: "Choose what happens to a token found in public." });

export const SetLeakResponseInput = TeamScope.extend({ leakResponse: LeakResponse });
