// A labelled native select (the platform's own keyboard and phone pickers), with hint and field error.
import { forwardRef, type SelectHTMLAttributes } from "react";
import { controlClass, FieldFrame, useField, type FieldProps } from "./field";

export type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> &
  FieldProps & { options: readonly { value: string; label: string }[] };

export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { label, labelHidden, errors, hint, options, id, className = "", ...props },
  ref,
) {
  const { controlId, invalid, control } = useField(id, { label, errors, hint });
  return (
    <FieldFrame controlId={controlId} label={label} labelHidden={labelHidden} hint={hint} errors={errors}>
      <select ref={ref} {...control} className={`${controlClass(invalid)} bg-white pr-8 ${className}`} {...props}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
});
