"use client";
// The Test/Live switch: a radio group; choosing one opens the same section in that environment.
import { environmentLabels, environments, type Environment } from "@/lib/platform/shared";
import { useScopeSwitch } from "./use-scope-switch";

export function EnvironmentSwitch({ current }: { current: Environment }) {
  const { selected, pending, switchTo } = useScopeSwitch(current);
  return (
    <div
      role="radiogroup"
      aria-label="Environment"
      aria-busy={pending || undefined}
      className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-sm"
    >
      {environments.map((value) => {
        const checked = value === selected;
        return (
          <label
            key={value}
            className={`relative cursor-pointer rounded px-3 py-1 font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-600 ${
              checked
                ? value === "live"
                  ? "bg-amber-400 text-amber-950"
                  : "bg-indigo-600 text-white"
                : "text-slate-700 hover:bg-slate-100"
            }`}
          >
            <input
              type="radio"
              name="environment"
              value={value}
              checked={checked}
              onChange={() => switchTo(value, { environment: value })}
              className="absolute inset-0 cursor-pointer appearance-none opacity-0"
            />
            {environmentLabels[value]}
          </label>
        );
      })}
    </div>
  );
}
