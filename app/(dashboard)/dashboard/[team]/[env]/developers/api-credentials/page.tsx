import { requireTeamPage } from "@/lib/team-context";

// Placeholder until the credentials screen lands (issue 4).
export default async function ApiCredentialsPage({ params }: { params: Promise<{ team: string; env: string }> }) {
  const { team, env } = await params;
  const ctx = await requireTeamPage(team, env);
  return <h1 className="text-xl font-semibold">API Credentials — {ctx.team.name}</h1>;
}
