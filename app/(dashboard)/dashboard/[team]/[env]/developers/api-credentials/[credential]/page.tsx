// One credential's page: everything about it, its actions for those who may, and its allowed IP
// addresses. Another team's or environment's credential, or an unknown id, is Next's 404.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { snippetApiOrigin } from "@/lib/dashboard";
import { getCredential } from "@/lib/credentials";
import { AppError } from "@/lib/platform";
import { can } from "@/lib/teams/shared";
import type { TeamAccess } from "@/lib/teams";
import { requireTeamPage } from "@/lib/dashboard";
import { environmentLabels, roleLabels } from "@/lib/platform/shared";
import { getCredentialUsage } from "@/lib/usage";
import { CredentialDetails } from "../_components/credential-details";
import { withReadTime } from "../_components/read-at";

export const metadata: Metadata = { title: "API Credential" };

export default async function CredentialPage({
  params,
}: {
  params: Promise<{ team: string; env: string; credential: string }>;
}) {
  const { team, env, credential: id } = await params;
  const { access } = await requireTeamPage(team, env);
  const { data: credential, readAt } = await withReadTime(findCredential(access, id));
  const usage = await getCredentialUsage(access, credential.id, readAt);
  return (
    <CredentialDetails
      // Another credential's page starts afresh (its dialogs closed, its form holding its own list).
      key={credential.id}
      scope={{ team: access.team.slug, environment: access.environment }}
      credential={credential}
      usage={usage}
      environmentLabel={environmentLabels[access.environment]}
      canManage={can(access.role, "credentials:manage")}
      roleLabel={roleLabels[access.role]}
      renderedAt={readAt}
      apiBaseUrl={await snippetApiOrigin()}
    />
  );
}

/** The credential in this team and environment, or a 404 (never a hint that it exists elsewhere, nor for a malformed id). */
async function findCredential(access: TeamAccess, id: string) {
  try {
    return await getCredential(access, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
