// Developers → API Credentials for one team in one environment.
import type { Metadata } from "next";
import { apiBaseUrl } from "@/lib/api-base-url";
import { listCredentials } from "@/lib/credentials";
import { can, roleLabels } from "@/lib/permissions";
import { requireTeamPage } from "@/lib/team-context";
import { CredentialFilters } from "@/lib/validation/credentials";
import { CredentialsView } from "./_components/credentials-view";
import { UseYourKey } from "./_components/use-your-key";

export const metadata: Metadata = { title: "API Credentials" };

const environmentLabels = { test: "Test", live: "Live" } as const;

export default async function ApiCredentialsPage({ params }: { params: Promise<{ team: string; env: string }> }) {
  const { team, env } = await params;
  const context = await requireTeamPage(team, env, `/dashboard/${team}/${env}/developers/api-credentials`);
  const scope = { team: context.team.slug, environment: context.environment };
  const initialPage = await listCredentials({ userId: context.user.id }, scope.team, scope.environment, CredentialFilters.parse({}));

  return (
    <div className="space-y-8">
      <CredentialsView
        // A new team or environment starts with fresh filters.
        key={`${scope.team}/${scope.environment}`}
        scope={scope}
        teamName={context.team.name}
        environmentLabel={environmentLabels[scope.environment]}
        canManage={can(context.role, "credentials:manage")}
        roleLabel={roleLabels[context.role]}
        initialPage={initialPage}
      />
      <UseYourKey apiBaseUrl={await apiBaseUrl()} />
    </div>
  );
}
