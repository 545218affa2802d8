// Developers → API Credentials for one team in one environment.
import type { Metadata } from "next";
import { snippetApiOrigin } from "@/lib/dashboard";
import { listCredentials } from "@/lib/credentials";
import { can } from "@/lib/teams/shared";
import { requireTeamPage } from "@/lib/dashboard";
import { environmentLabels, roleLabels } from "@/lib/platform/shared";
import { CredentialFilters } from "@/lib/credentials/shared";
import { CredentialsView } from "./_components/credentials-view";
import { withReadTime } from "./_components/read-at";
import { UseYourKey } from "./_components/use-your-key";

export const metadata: Metadata = { title: "API Credentials" };

export default async function ApiCredentialsPage({ params }: { params: Promise<{ team: string; env: string }> }) {
  const { team, env } = await params;
  const { access } = await requireTeamPage(team, env);
  const scope = { team: access.team.slug, environment: access.environment };
  const { data: initialPage, readAt } = await withReadTime(listCredentials(access, CredentialFilters.parse({})));
  const base = await snippetApiOrigin();

  return (
    <div className="space-y-8">
      <CredentialsView
        // A new team or environment starts with fresh filters.
        key={`${scope.team}/${scope.environment}`}
        scope={scope}
        teamName={access.team.name}
        environmentLabel={environmentLabels[scope.environment]}
        canManage={can(access.role, "credentials:manage")}
        roleLabel={roleLabels[access.role]}
        initialPage={initialPage}
        apiBaseUrl={base}
        renderedAt={readAt}
      />
      <UseYourKey apiBaseUrl={base} />
    </div>
  );
}
