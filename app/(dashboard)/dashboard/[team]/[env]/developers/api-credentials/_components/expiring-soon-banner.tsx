"use client";
// Above the list: how many credentials stop working within EXPIRING_SOON_DAYS (not counting rolled
// ones, whose end is planned), and a way to list them.
import { CalendarClock } from "lucide-react";
import { Banner } from "@/components/ui/banner";
import { expiringSoonText } from "@/lib/credentials/shared";

export function ExpiringSoonBanner({ count, onShow }: { count: number; onShow?: () => void }) {
  if (count === 0) return null;
  return (
    <Banner tone="warning" icon={CalendarClock}>
      <p>{expiringSoonText(count)}</p>
      {onShow ? (
        <button
          type="button"
          onClick={onShow}
          className="font-medium underline hover:text-amber-950 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {count === 1 ? "Show it" : "Show them"}
        </button>
      ) : null}
    </Banner>
  );
}
