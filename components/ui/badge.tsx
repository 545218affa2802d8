import type { ReactNode } from "react";

type Tone = "success" | "neutral";

const tones: Record<Tone, string> = {
  success: "bg-emerald-50 text-emerald-800 ring-emerald-600/30",
  neutral: "bg-slate-100 text-slate-700 ring-slate-500/30",
};

export function Badge({ tone = "neutral", children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}>{children}</span>;
}
