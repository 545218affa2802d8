// Settings → Security: what happens when one of the team's tokens is found in public (GitHub's secret
// scanning reports it). Every member may see the setting; Owners and Admins change it.
import type { Metadata } from "next";
import { can } from "@/lib/teams/shared";
import { requireTeamPage } from "@/lib/dashboard";
import { getLeakResponse } from "@/lib/teams";
import { LeakResponseForm } from "./_components/leak-response-form";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage({ params }: { params: Promise<{ team: string; env: string }> }) {
  const { team: slug, env } = await params;
  const { access } = await requireTeamPage(slug, env);
  const { team, role, environment } = access;
  const leakResponse = await getLeakResponse(access);
  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">Security</h1>
        <p className="text-sm text-slate-600">Settings of {team.name}, in both Test and Live.</p>
      </div>

      <section aria-labelledby="leaked-tokens" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <div className="space-y-1">
          <h2 id="leaked-tokens" className="text-base font-semibold">
            Tokens found in public
          </h2>
          <p className="text-sm text-slate-600">
            GitHub’s secret scanning tells us when a token of {team.name} turns up in public: committed to a public
            repository, pasted in an issue, published in a package. Anyone holding such a token can revoke it too.
          </p>
        </div>
        <LeakResponseForm
          scope={{ team: team.slug, environment }}
          teamName={team.name}
          value={leakResponse}
          canManage={can(role, "settings:manage")}
        />
      </section>
    </div>
  );
}
