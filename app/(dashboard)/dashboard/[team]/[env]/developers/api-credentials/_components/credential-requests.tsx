"use client";
// The credential's "Requests" section: the last 24 hours (hourly), 7 or 30 days (daily), chosen
// with "Period". All three come with the page; switching is instant and asks the server nothing.
import { useState } from "react";
import { RadioGroup } from "@/components/ui/radio-group";
import { RequestsChart } from "@/components/usage/requests-chart";
import type { CredentialUsage, UsagePeriod } from "@/lib/usage/shared";

const periods = [
  { value: "24h", label: "24 hours" },
  { value: "7d", label: "7 days" },
  { value: "30d", label: "30 days" },
] as const satisfies readonly { value: UsagePeriod; label: string }[];

const titles: Record<UsagePeriod, string> = {
  "24h": "Requests in the last 24 hours",
  "7d": "Requests in the last 7 days",
  "30d": "Requests in the last 30 days",
};

export function CredentialRequests({ usage }: { usage: CredentialUsage }) {
  const [period, setPeriod] = useState<UsagePeriod>("24h");
  return (
    <section aria-labelledby="requests-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h2 id="requests-heading" className="text-base font-semibold text-slate-900">
            Requests
          </h2>
          <p className="text-sm text-slate-600">
            Every /v1 call with this credential, by outcome. Counts arrive within seconds; times are UTC.
          </p>
        </div>
        <RadioGroup label="Period" name="requests-period" options={periods} value={period} onChange={setPeriod} />
      </div>
      <RequestsChart
        key={period}
        series={usage[period]}
        granularity={period === "24h" ? "hour" : "day"}
        label={titles[period]}
      />
    </section>
  );
}
