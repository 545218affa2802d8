// What every labelled form control shares: its label, hint, field error and warning, tied to the
// control (aria-describedby, aria-invalid) so assistive technology reads them with it.
import { useId, type ReactNode } from "react";

export type FieldProps = {
  label: string;
  /** Heard, not seen: where a heading right above already says it. */
  labelHidden?: boolean;
  errors?: string[];
  hint?: ReactNode;
  /**
   * Worth knowing before going on, but no error ("Another credential is already named …"). Pass ""
   * while there is none for a field that may get one: its live region is then already there to be heard.
   */
  warning?: string;
};

export const controlClass = (invalid: boolean) =>
  `block w-full rounded-md border px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-indigo-600 ${invalid ? "border-red-500" : "border-slate-300"}`;

/** The ids and attributes that tie a control to its label, hint and error. */
export function useField(id: string | undefined, { errors, hint, warning }: FieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const invalid = !!errors?.length;
  return {
    controlId,
    invalid,
    control: {
      id: controlId,
      "aria-invalid": invalid || undefined,
      "aria-describedby":
        [
          invalid ? `${controlId}-error` : null,
          warning ? `${controlId}-warning` : null,
          hint ? `${controlId}-hint` : null,
        ]
          .filter(Boolean)
          .join(" ") || undefined,
    },
  };
}

export function FieldFrame({
  controlId,
  label,
  labelHidden,
  hint,
  errors,
  warning,
  aside,
  children,
}: FieldProps & { controlId: string; aside?: ReactNode; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={controlId} className={labelHidden ? "sr-only" : "block text-sm font-medium text-slate-800"}>
        {label}
      </label>
      {children}
      {hint || aside ? (
        <div className="flex justify-between gap-3 text-xs text-slate-600">
          {hint ? <p id={`${controlId}-hint`}>{hint}</p> : <span />}
          {aside}
        </div>
      ) : null}
      <p id={`${controlId}-error`} aria-live="polite" className="text-xs text-red-700">
        {errors?.join(" ")}
      </p>
      {warning !== undefined ? (
        <p id={`${controlId}-warning`} aria-live="polite" className="text-xs text-amber-800">
          {warning}
        </p>
      ) : null}
    </div>
  );
}
