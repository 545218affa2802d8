// A labelled input with its field error announced to assistive technology, and (`counter`, for a
// controlled input) a live count of its characters once it nears its limit.
import { forwardRef, useId, type InputHTMLAttributes } from "react";

export type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  errors?: string[];
  hint?: string;
  /** Shows "n/max" from `from` characters on (counted as the server counts them: code points). */
  counter?: { max: number; from: number };
};

export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, errors, hint, counter, id, className = "", ...props },
  ref,
) {
  const generated = useId();
  const inputId = id ?? generated;
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  const invalid = !!errors?.length;
  return (
    <div className="space-y-1">
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        ref={ref}
        id={inputId}
        aria-invalid={invalid || undefined}
        aria-describedby={[invalid ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined}
        className={`block w-full rounded-md border px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-indigo-600 ${invalid ? "border-red-500" : "border-slate-300"} ${className}`}
        {...props}
      />
      {hint || counter ? (
        <div className="flex justify-between gap-3 text-xs text-slate-600">
          {hint ? <p id={hintId}>{hint}</p> : <span />}
          {counter ? <CharacterCount value={String(props.value ?? "")} {...counter} /> : null}
        </div>
      ) : null}
      <p id={errorId} aria-live="polite" className="text-xs text-red-700">
        {errors?.join(" ")}
      </p>
    </div>
  );
});

/** Silent (but present, so it is heard once it speaks) until the value nears its limit. */
function CharacterCount({ value, max, from }: { value: string; max: number; from: number }) {
  const count = [...value].length;
  return (
    <p aria-live="polite" className={`shrink-0 tabular-nums ${count > max ? "font-medium text-red-700" : ""}`}>
      {count >= from ? (
        <>
          {count}/{max}
          <span className="sr-only"> characters</span>
        </>
      ) : null}
    </p>
  );
}
