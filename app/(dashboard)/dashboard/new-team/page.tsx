import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/dashboard";
import { CreateTeamForm } from "./create-team-form";

export const metadata: Metadata = { title: "Create a team" };

export default async function NewTeamPage() {
  await requireUser("/dashboard/new-team");
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <div className="space-y-1 text-center">
          <h1 className="text-xl font-semibold">Create a team</h1>
          <p className="text-sm text-slate-600">You become its Owner and can invite others.</p>
        </div>
        <CreateTeamForm />
        <p className="text-center text-sm">
          <Link href="/dashboard" className="font-medium text-indigo-700 underline">
            Back to your dashboard
          </Link>
        </p>
      </div>
    </main>
  );
}
