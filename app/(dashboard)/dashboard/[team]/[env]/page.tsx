import { notFound, redirect } from "next/navigation";
import { teamPath } from "@/lib/platform/shared";
import { isEnvironment } from "@/lib/platform/shared";

/** The team's home is its API credentials. */
export default async function TeamHome({ params }: { params: Promise<{ team: string; env: string }> }) {
  const { team, env } = await params;
  if (!isEnvironment(env)) notFound();
  redirect(teamPath(team, env));
}
