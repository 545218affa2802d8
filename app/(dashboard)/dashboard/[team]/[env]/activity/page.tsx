// The team's activity in this environment: credential changes here, member changes team-wide.
// Every member may see it; filter and page live in the URL (?action=…&page=…).
import type { Metadata } from "next";
import { z } from "zod";
import { Pager } from "@/components/ui/pager";
import { activityActionGroups, activityActions, listActivity } from "@/lib/activity";
import { requireTeamPage } from "@/lib/dashboard";
import { environmentLabels } from "@/lib/platform/shared";
import { ActivityItem } from "./_components/activity-item";

export const metadata: Metadata = { title: "Activity" };

const Filters = z.object({
  action: z.enum(activityActions).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

const actionLabels: Record<(typeof activityActions)[number], string> = {
  created: "Credential created",
  renamed: "Credential renamed",
  revoked: "Credential revoked",
  enabled: "Credential enabled",
  deleted: "Credential deleted",
  rolled: "Credential rolled",
  expiry_changed: "Expiry changed",
  allowed_addresses_changed: "Allowed addresses changed",
  leak_reported: "Found in public (not revoked)",
  invited: "Member invited",
  invitation_revoked: "Invitation revoked",
  joined: "Member joined",
  role_changed: "Role changed",
  removed: "Member removed",
  left: "Member left",
};

export default async function ActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string; env: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { team: slug, env } = await params;
  const { access } = await requireTeamPage(slug, env);
  const { team, environment } = access;
  const filters = Filters.parse(await searchParams);
  const { entries, page, hasOlder } = await listActivity(access, filters);
  const href = (p: number) =>
    `?${new URLSearchParams({ ...(filters.action ? { action: filters.action } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  const envLabel = environmentLabels[environment];
  return (
    <div className="max-w-5xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">Activity</h1>
        <p className="text-sm text-slate-600">
          Changes to {team.name}’s {envLabel} credentials and to its members, newest first.
        </p>
      </div>

      <form method="get" className="flex flex-wrap items-end gap-2" role="search" aria-label="Filter activity">
        <div className="space-y-1">
          <label htmlFor="activity-action" className="block text-sm font-medium text-slate-800">
            Action
          </label>
          <select
            id="activity-action"
            name="action"
            defaultValue={filters.action ?? ""}
            className="rounded-md border border-slate-300 bg-white px-2 py-2 text-sm"
          >
            <option value="">All actions</option>
            {activityActionGroups.map(([group, actions]) => (
              <optgroup key={group} label={group}>
                {actions.map((a) => (
                  <option key={a} value={a}>
                    {actionLabels[a]}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          Filter
        </button>
      </form>

      {entries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-600">
          {filters.action || page > 1
            ? "No activity matches."
            : "No activity yet. Credential and member changes will appear here."}
        </p>
      ) : (
        <ol aria-label="Activity" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {entries.map((entry) => (
            <ActivityItem key={entry.id} entry={entry} />
          ))}
        </ol>
      )}

      <Pager
        label="Activity pages"
        page={page}
        hasNext={hasOlder}
        previousLabel="Newer"
        nextLabel="Older"
        href={href}
      />
    </div>
  );
}
