import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { teamPath } from "@/lib/platform/shared";
import { requireUser } from "@/lib/dashboard";
import { listTeamsOfUser } from "@/lib/teams";
import { SignOutButton, SignOutEverywhereButton } from "@/app/_components/sign-out-button";

export const metadata: Metadata = { title: "Dashboard" };

/** /dashboard opens the caller's first team in Test. */
export default async function DashboardHome() {
  const user = await requireUser("/dashboard");
  const [first] = await listTeamsOfUser(user.id);
  if (first) redirect(teamPath(first.team.slug, "test"));
  return (
    <main className="mx-auto max-w-lg space-y-4 px-6 py-16 text-center">
      <h1 className="text-xl font-semibold">You are not a member of any team</h1>
      <p className="text-slate-600">
        Ask a team owner or admin to invite {user.email} to their team, or create a team of your own.
      </p>
      <Link href="/dashboard/new-team" className="inline-block font-medium text-indigo-700 underline">
        Create a team
      </Link>
      <SignOutButton />
      <SignOutEverywhereButton />
    </main>
  );
}
