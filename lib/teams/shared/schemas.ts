// Input of the team settings actions (Settings → Security), derived from the schema's enum and the team scope.
import { z } from "zod";
import { leakResponses } from "@/db/schema";
import { TeamScope } from "./scope";

export const LeakResponse = z.enum(leakResponses, { error: "Choose what happens to a token found in public." });

export const SetLeakResponseInput = TeamScope.extend({ leakResponse: LeakResponse });
