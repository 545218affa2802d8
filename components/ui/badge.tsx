import type { ReactNode } from "react";

type Tone = "success" | "neutral" | "warning" | "danger";

// Text and ring dark enough for WCAG AA on their tint.
const tones: Record<Tone, string> = {
  success: "bg-emerald-50 text-emerald-800 ring-emerald-600/30",
  neutral: "bg-slate-100 text-slate-700 ring-slate-500/30",
  warning: "bg-amber-50 text-amber-900 ring-amber-600/40",
  danger: "bg-red-50 text-red-800 ring-red-600/30",
};

export function Badge({ tone = "neutral", children }: { tone?: Tone; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${tones[tone]}`}
    >
      {children}
    </span>
  );
}
