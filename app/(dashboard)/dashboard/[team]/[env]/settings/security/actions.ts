"use server";
// Settings → Security's server action: a public POST endpoint. It goes through withTeamAction
// (session, zod input, the caller's membership from the database) and then lib/teams/settings.ts, which
// checks "settings:manage" (Owners and Admins), then sudo mode (a change needs the password confirmed
// recently: lib/auth/sudo.ts), and changes the caller's team only.
import { withTeamAction } from "@/lib/dashboard";
import { setLeakResponse } from "@/lib/teams";
import { SetLeakResponseInput } from "@/lib/teams/shared";

export const setLeakResponseAction = withTeamAction(SetLeakResponseInput, ({ leakResponse }, { access }) =>
  setLeakResponse(access, leakResponse),
);
