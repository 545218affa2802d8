// A notice above a page's content (credentials expiring soon, a token found in public): an icon, then
// its sentence and any controls, wrapping on a narrow screen beside the icon, not under it.
import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

type Tone = "warning" | "danger";

// Text dark enough for WCAG AA on its tint, links included (they inherit it).
const tones: Record<Tone, string> = {
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  danger: "border-red-300 bg-red-50 text-red-900",
};

export function Banner({ tone, icon: Icon, children }: { tone: Tone; icon: LucideIcon; children: ReactNode }) {
  return (
    <div className={`flex items-start gap-3 rounded-md border px-3 py-2 text-sm ${tones[tone]}`}>
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="flex min-w-0 flex-1 flex-wrap items-baseline gap-x-3 gap-y-1">{children}</div>
    </div>
  );
}
