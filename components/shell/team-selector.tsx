"use client";
// Switches team, keeping the environment and the section the user is looking at (use-scope-switch.ts).
import Link from "next/link";
import { Plus } from "lucide-react";
import { useId } from "react";
import type { TeamSummary } from "@/lib/teams/shared";
import { useScopeSwitch } from "./use-scope-switch";

export function TeamSelector({ teams, current }: { teams: TeamSummary[]; current: string }) {
  const { selected, pending, switchTo } = useScopeSwitch(current);
  // The sidebar and the phone's drawer each hold one.
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium uppercase tracking-wide text-slate-500">
        Team
      </label>
      <select
        id={id}
        value={selected}
        aria-busy={pending || undefined}
        onChange={(e) => switchTo(e.target.value, { team: e.target.value })}
        className="block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        {teams.map((t) => (
          <option key={t.slug} value={t.slug}>
            {t.name}
          </option>
        ))}
      </select>
      <Link
        href="/dashboard/new-team"
        className="flex items-center gap-1 px-1 pt-1 text-xs font-medium text-indigo-700 hover:underline"
      >
        <Plus aria-hidden className="size-3" /> Create team
      </Link>
    </div>
  );
}
