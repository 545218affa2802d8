"use client";
// Sidebar sections. Only pages that exist are linked.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { ChartColumn, History, KeyRound, ShieldCheck, Users, type LucideIcon } from "lucide-react";
import { LANDING_SECTION, teamPath } from "@/lib/platform/shared";
import type { TeamScope } from "@/lib/teams/shared";

const sections: { heading: string; links: { path: string; label: string; icon: LucideIcon }[] }[] = [
  {
    heading: "Developers",
    links: [
      { path: LANDING_SECTION, label: "API Credentials", icon: KeyRound },
      { path: "developers/usage", label: "Usage", icon: ChartColumn },
      { path: "activity", label: "Activity", icon: History },
    ],
  },
  {
    heading: "Settings",
    links: [
      { path: "settings/members", label: "Members", icon: Users },
      { path: "settings/security", label: "Security", icon: ShieldCheck },
    ],
  },
];

export function SidebarNav({ team, environment }: TeamScope) {
  const pathname = usePathname();
  return (
    <nav aria-label="Sections" className="space-y-4">
      {sections.map((section) => (
        <div key={section.heading} className="space-y-1">
          <p className="px-2 text-xs font-medium uppercase tracking-wide text-slate-500">{section.heading}</p>
          {section.links.map(({ path, label, icon: Icon }) => {
            const href = teamPath(team, environment, path);
            const active = pathname.startsWith(href);
            return (
              <Link
                key={path}
                href={href}
                aria-current={active ? "page" : undefined}
                className={`flex items-center gap-2 rounded-md px-2 py-1.5 text-sm ${active ? "bg-indigo-50 font-medium text-indigo-800" : "text-slate-700 hover:bg-slate-100"}`}
              >
                <Icon aria-hidden className="size-4" /> {label}
              </Link>
            );
          })}
        </div>
      ))}
    </nav>
  );
}
