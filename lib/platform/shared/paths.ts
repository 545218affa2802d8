// Dashboard URLs, built in one place: /dashboard/<team>/<test|live>/<section>. Client-safe.
import type { Environment } from "./terms";

/** Where a team's dashboard opens, and where `teamPath` goes without a section. */
export const LANDING_SECTION = "developers/api-credentials";

export function teamPath(team: string, environment: Environment, section: string = LANDING_SECTION): string {
  return `/dashboard/${team}/${environment}/${section}`;
}

/** The same section of a dashboard path in another team or environment (the team selector, the Test/Live switch). */
export function switchTeamPath(pathname: string, to: { team?: string; environment?: Environment }): string {
  const [, dashboard, team, environment, ...section] = pathname.split("/");
  if (dashboard !== "dashboard" || !team || !environment) return pathname;
  return teamPath(
    to.team ?? team,
    to.environment ?? (environment as Environment),
    section.join("/") || LANDING_SECTION,
  );
}
