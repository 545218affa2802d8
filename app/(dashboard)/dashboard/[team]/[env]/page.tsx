import { redirect } from "next/navigation";

/** The team's home is its API credentials, the only section so far. */
export default async function TeamHome({ params }: { params: Promise<{ team: string; env: string }> }) {
  const { team, env } = await params;
  redirect(`/dashboard/${team}/${env}/developers/api-credentials`);
}
