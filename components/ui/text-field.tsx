// A labelled input or textarea with its hint, its field error and a warning that stops nothing, all
// announced to assistive technology, and (`counter`, for a controlled input) a live count of its characters once it nears its limit.
import { forwardRef, type InputHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { controlClass, FieldFrame, useField, type FieldProps } from "./field";

export type TextFieldProps = InputHTMLAttributes<HTMLInputElement> &
  FieldProps & {
    /** Shows "n/max" from `from` characters on (counted as the server counts them: code points). */
    counter?: { max: number; from: number };
  };

export type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps;

export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, labelHidden, errors, hint, warning, counter, id, className = "", ...props },
  ref,
) {
  const { controlId, invalid, control } = useField(id, { label, errors, hint, warning });
  return (
    <FieldFrame
      controlId={controlId}
      label={label}
      labelHidden={labelHidden}
      hint={hint}
      errors={errors}
      warning={warning}
      aside={counter ? <CharacterCount value={String(props.value ?? "")} {...counter} /> : null}
    >
      <input ref={ref} {...control} className={`${controlClass(invalid)} ${className}`} {...props} />
    </FieldFrame>
  );
});

export const TextAreaField = forwardRef<HTMLTextAreaElement, TextAreaFieldProps>(function TextAreaField(
  { label, labelHidden, errors, hint, id, className = "", ...props },
  ref,
) {
  const { controlId, invalid, control } = useField(id, { label, errors, hint });
  return (
    <FieldFrame controlId={controlId} label={label} labelHidden={labelHidden} hint={hint} errors={errors}>
      <textarea ref={ref} {...control} className={`${controlClass(invalid)} ${className}`} {...props} />
    </FieldFrame>
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
