"use client";
// Sidebar sections. Only pages that exist are linked.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { KeyRound } from "lucide-react";

export function SidebarNav({ base }: { base: string }) {
  const pathname = usePathname();
  const href = `${base}/developers/api-credentials`;
  const active = pathname.startsWith(href);
  return (
    <nav aria-label="Sections" className="space-y-1">
      <p className="px-2 text-xs font-medium uppercase tracking-wide text-slate-500">Developers</p>
      <Link
        href={href}
        aria-current={active ? "page" : undefined}
        className={`flex items-center gap-2 rounded-md px-2 py-1.5 text-sm ${active ? "bg-indigo-50 font-medium text-indigo-800" : "text-slate-700 hover:bg-slate-100"}`}
      >
        <KeyRound aria-hidden className="size-4" /> API Credentials
      </Link>
    </nav>
  );
}
