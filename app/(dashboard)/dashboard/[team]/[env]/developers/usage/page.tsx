// Developers → Usage for one team in one environment: requests per day, the most used credentials,
// and the credentials whose requests were refused in the last 24 hours (a revoked or expired key
// still being called is the thing to see). Every member may see it, read-only members included.
import type { Metadata } from "next";
import Link from "next/link";
import { Truncated } from "@/components/ui/table";
import { CountsTable } from "@/components/usage/counts-table";
import { RequestsChart } from "@/components/usage/requests-chart";
import { requireTeamPage } from "@/lib/dashboard";
import { environmentLabels, refusedOutcomes, usageOutcomeLabels } from "@/lib/platform/shared";
import type { TeamScope } from "@/lib/teams/shared";
import { getTeamUsage, type TeamUsage } from "@/lib/usage";
import { credentialPath } from "../api-credentials/_components/credential-paths";

export const metadata: Metadata = { title: "Usage" };

const link = "font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600";

export default async function UsagePage({ params }: { params: Promise<{ team: string; env: string }> }) {
  const { team, env } = await params;
  const { access } = await requireTeamPage(team, env);
  const scope: TeamScope = { team: access.team.slug, environment: access.environment };
  const usage = await getTeamUsage(access);
  const envLabel = environmentLabels[access.environment];

  return (
    <div className="max-w-5xl space-y-8">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">Usage</h1>
        <p className="text-sm text-slate-600">
          Requests to the API with {access.team.name}’s {envLabel} credentials, by outcome. Counts arrive within
          seconds; days are UTC.
        </p>
      </div>

      <section aria-labelledby="per-day-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="per-day-heading" className="text-base font-semibold text-slate-900">
          Requests per day
        </h2>
        <RequestsChart series={usage.days} granularity="day" label="Requests in the last 30 days" />
      </section>

      <section aria-labelledby="refused-heading" className="space-y-3">
        <div className="space-y-1">
          <h2 id="refused-heading" className="text-base font-semibold text-slate-900">
            Refused in the last 24 hours
          </h2>
          <p className="text-sm text-slate-600">
            Credentials still being called though revoked, expired, from an address they do not allow, or too often
            after refusals.
          </p>
        </div>
        <RefusedTable scope={scope} refused={usage.refused} />
      </section>

      <section aria-labelledby="top-heading" className="space-y-3">
        <h2 id="top-heading" className="text-base font-semibold text-slate-900">
          Most used credentials, last 30 days
        </h2>
        <TopTable scope={scope} top={usage.top} />
      </section>
    </div>
  );
}

function Empty({ children }: { children: string }) {
  return (
    <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">
      {children}
    </p>
  );
}

function CredentialLink({ scope, id, name }: { scope: TeamScope; id: string; name: string }) {
  return (
    <Link href={credentialPath(scope, id)} className={link}>
      <Truncated text={name} />
    </Link>
  );
}

function RefusedTable({ scope, refused }: { scope: TeamScope; refused: TeamUsage["refused"] }) {
  if (refused.length === 0) return <Empty>No refused requests in the last 24 hours.</Empty>;
  const shown = refusedOutcomes.filter((outcome) => refused.some((r) => r.counts[outcome] > 0));
  return (
    <CountsTable
      caption="Credentials with refused requests in the last 24 hours"
      rowHeader="Credential"
      columns={[
        ...shown.map((outcome) => ({ label: usageOutcomeLabels[outcome] })),
        { label: "Refused", strong: "font-medium text-red-800" },
      ]}
      rows={refused.map((row) => ({
        key: row.id,
        header: <CredentialLink scope={scope} id={row.id} name={row.name} />,
        counts: [...shown.map((outcome) => row.counts[outcome]), row.total],
      }))}
    />
  );
}

function TopTable({ scope, top }: { scope: TeamScope; top: TeamUsage["top"] }) {
  if (top.length === 0)
    return (
      <Empty>
        No requests in the last 30 days. Call the API with one of this environment’s credentials and its requests show
        here.
      </Empty>
    );
  return (
    <CountsTable
      caption="Most used credentials in the last 30 days"
      rowHeader="Credential"
      columns={[{ label: "Requests" }, { label: "Refused" }]}
      rows={top.map((row) => ({
        key: row.id,
        header: <CredentialLink scope={scope} id={row.id} name={row.name} />,
        counts: [row.requests, row.refused],
      }))}
    />
  );
}
