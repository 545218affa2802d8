// The list's URL and each credential's page under it (server and client alike).
import { teamPath } from "@/lib/platform/shared";
import type { TeamScope } from "@/lib/teams/shared";

export const credentialsPath = (scope: TeamScope) =>
  teamPath(scope.team, scope.environment, "developers/api-credentials");
export const credentialPath = (scope: TeamScope, id: string) => `${credentialsPath(scope)}/${id}`;
