"use client";
// Above the list: how many credentials stop working within EXPIRING_SOON_DAYS (not counting rolled
// ones, whose end is planned), and a way to list them.
import { CalendarClock } from "lucide-react";
import { expiringSoonText } from "@/lib/credential-state";

export function ExpiringSoonBanner({ count, onShow }: { count: number; onShow?: () => void }) {
  if (count === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <CalendarClock className="size-4 shrink-0" aria-hidden />
      <p>{expiringSoonText(count)}</p>
      {onShow ? (
        <button type="button" onClick={onShow} className="font-medium underline hover:text-amber-950 focus-visible:outline-2 focus-visible:outline-indigo-600">
          {count === 1 ? "Show it" : "Show them"}
        </button>
      ) : null}
    </div>
  );
}
