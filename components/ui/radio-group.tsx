// A labelled group of native radio buttons: arrow keys move between them, Tab leaves the group.
import { useId } from "react";

type RadioGroupProps<Value extends string> = {
  /** The group's accessible name, shown above it. */
  label: string;
  name: string;
  options: readonly { value: Value; label: string }[];
  value: Value;
  onChange: (value: Value) => void;
  disabled?: boolean;
  /** The id of a text that says more about the group (e.g. why it is disabled). */
  describedBy?: string;
};

export function RadioGroup<Value extends string>({
  label,
  name,
  options,
  value,
  onChange,
  disabled,
  describedBy,
}: RadioGroupProps<Value>) {
  const id = useId();
  return (
    <div
      role="radiogroup"
      aria-labelledby={`${id}-label`}
      aria-describedby={describedBy}
      aria-disabled={disabled || undefined}
      className="space-y-2"
    >
      <p id={`${id}-label`} className="text-sm font-medium text-slate-800">
        {label}
      </p>
      <div className="flex flex-wrap gap-2">
        {options.map((option) => (
          <label
            key={option.value}
            className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm text-slate-800 has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-600 has-[:disabled]:cursor-not-allowed has-[:disabled]:text-slate-600"
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              disabled={disabled}
              onChange={() => onChange(option.value)}
              className="size-4 accent-indigo-600 focus:outline-none"
            />
            {option.label}
          </label>
        ))}
      </div>
    </div>
  );
}
