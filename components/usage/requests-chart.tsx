"use client";
// Requests over time, stacked by outcome (Recharts): a legend, the totals per outcome, and the same
// numbers as a table ("Show as table") for screen readers and anyone who wants the figures.
// Buckets are UTC hours or days, labelled in UTC so that server and browser agree.
import { useId, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CountsTable } from "./counts-table";
import { formatCount } from "./format";
import { usageOutcomeLabels, usageOutcomes, type UsageOutcome } from "@/lib/platform/shared";
import type { UsageSeries } from "@/lib/usage/shared";

/** One colour per outcome, in the order they stack; each at least 3:1 against white. */
export const outcomeColours: Record<UsageOutcome, string> = {
  success: "#4f46e5",
  client_error: "#b45309",
  server_error: "#dc2626",
  revoked: "#475569",
  expired: "#7e22ce",
  ip_not_allowed: "#c2410c",
  rate_limited: "#be185d",
  wrong_environment: "#0e7490",
};

const hourLabel = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const dayLabel = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const longHour = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

export type Granularity = "hour" | "day";

const bucketLabel = (start: string, granularity: Granularity, long = false) =>
  granularity === "hour" ? (long ? longHour : hourLabel).format(new Date(start)) : dayLabel.format(new Date(start));

type Props = {
  series: UsageSeries;
  granularity: Granularity;
  /** Names the chart and its table ("Requests in the last 24 hours"). */
  label: string;
};

export function RequestsChart({ series, granularity, label }: Props) {
  const [asTable, setAsTable] = useState(false);
  const tableId = useId();
  const shown = usageOutcomes.filter((outcome) => series.totals[outcome] > 0);
  const total = shown.reduce((sum, outcome) => sum + series.totals[outcome], 0);
  const data = series.buckets.map((bucket) => ({
    label: bucketLabel(bucket.start, granularity),
    long: bucketLabel(bucket.start, granularity, true),
    ...bucket.counts,
  }));
  const summary = `${label} (UTC): ${total === 0 ? "none" : shown.map((o) => `${formatCount(series.totals[o])} ${usageOutcomeLabels[o].toLowerCase()}`).join(", ")}.`;

  return (
    <div className="space-y-4">
      <Totals series={series} shown={shown} total={total} />
      {total === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-600">
          No requests in this period.
        </p>
      ) : (
        <div role="img" aria-label={summary} className="h-56 w-full min-w-0 sm:h-64">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: -12 }} accessibilityLayer={false}>
              <CartesianGrid vertical={false} stroke="#e2e8f0" />
              <XAxis
                dataKey="label"
                tick={{ fontSize: 11, fill: "#475569" }}
                tickLine={false}
                axisLine={{ stroke: "#cbd5e1" }}
                interval="preserveStartEnd"
                minTickGap={16}
              />
              <YAxis
                allowDecimals={false}
                tick={{ fontSize: 11, fill: "#475569" }}
                tickLine={false}
                axisLine={false}
                width={48}
                tickFormatter={formatCount}
              />
              <Tooltip
                cursor={{ fill: "#f1f5f9" }}
                labelFormatter={(_, payload) => (payload?.[0]?.payload as { long?: string } | undefined)?.long ?? ""}
                formatter={(value, name) => [
                  formatCount(Number(value)),
                  usageOutcomeLabels[name as UsageOutcome] ?? String(name),
                ]}
              />
              <Legend
                itemSorter={null}
                formatter={(value) => (
                  <span className="text-xs text-slate-700">{usageOutcomeLabels[value as UsageOutcome]}</span>
                )}
              />
              {shown.map((outcome) => (
                <Bar
                  key={outcome}
                  dataKey={outcome}
                  stackId="requests"
                  fill={outcomeColours[outcome]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      {total > 0 ? (
        <div className="space-y-3">
          <button
            type="button"
            aria-expanded={asTable}
            aria-controls={tableId}
            onClick={() => setAsTable((open) => !open)}
            className="text-sm font-medium text-indigo-700 underline hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            {asTable ? "Hide table" : "Show as table"}
          </button>
          <div id={tableId} hidden={!asTable}>
            {asTable ? <SeriesTable series={series} shown={shown} granularity={granularity} label={label} /> : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}

function Totals({ series, shown, total }: { series: UsageSeries; shown: UsageOutcome[]; total: number }) {
  return (
    <dl className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
      <div>
        <dt className="text-slate-600">Total</dt>
        <dd className="text-lg font-semibold text-slate-900 tabular-nums">{formatCount(total)}</dd>
      </div>
      {shown.map((outcome) => (
        <div key={outcome}>
          <dt className="flex items-center gap-1.5 text-slate-600">
            <span aria-hidden className="size-2.5 rounded-sm" style={{ backgroundColor: outcomeColours[outcome] }} />
            {usageOutcomeLabels[outcome]}
          </dt>
          <dd className="text-lg font-semibold text-slate-900 tabular-nums">{formatCount(series.totals[outcome])}</dd>
        </div>
      ))}
    </dl>
  );
}

function SeriesTable({
  series,
  shown,
  granularity,
  label,
}: {
  series: UsageSeries;
  shown: UsageOutcome[];
  granularity: Granularity;
  label: string;
}) {
  return (
    <CountsTable
      caption={`${label}, by ${granularity} (UTC)`}
      rowHeader={granularity === "hour" ? "Hour (UTC)" : "Day (UTC)"}
      columns={[
        ...shown.map((outcome) => ({ label: usageOutcomeLabels[outcome] })),
        { label: "Total", strong: "font-medium" },
      ]}
      rows={series.buckets.map((bucket) => ({
        key: bucket.start,
        header: bucketLabel(bucket.start, granularity, true),
        counts: [
          ...shown.map((outcome) => bucket.counts[outcome]),
          shown.reduce((sum, outcome) => sum + bucket.counts[outcome], 0),
        ],
      }))}
    />
  );
}
