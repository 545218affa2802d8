"use client";
// "Expires" (create) and the new expiry (Change expiry): a select of choices and, for "On a date…",
// the date field "Expiry date" (from today to a year ahead, UTC: the credential works through the
// end of that day). The server decides; its refusal shows beside the field, which takes focus.
import { useEffect, useRef } from "react";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { expiryChoiceLabels, expiryDateBounds, type Expiry, type ExpiryChoice } from "@/lib/credentials/shared";

type Props = {
  /** The select's label: "Expires" when creating, "New expiry" when changing it. */
  label: string;
  choices: readonly ExpiryChoice[];
  value: Expiry;
  onChange: (expiry: Expiry) => void;
  errors?: { choice?: string[]; date?: string[] };
  disabled?: boolean;
  hint?: string;
};

export function ExpiryFields({ label, choices, value, onChange, errors, disabled, hint }: Props) {
  const dateField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (errors?.date?.length) dateField.current?.focus();
  }, [errors?.date]);
  const bounds = expiryDateBounds();

  return (
    <div className="mt-4 space-y-3">
      <SelectField
        label={label}
        name="expiry"
        value={value.choice}
        disabled={disabled}
        errors={errors?.choice}
        hint={hint}
        options={choices.map((choice) => ({ value: choice, label: expiryChoiceLabels[choice] }))}
        onChange={(event) => onChange({ choice: event.target.value as ExpiryChoice, date: value.date })}
      />
      {value.choice === "date" ? (
        <TextField
          ref={dateField}
          label="Expiry date"
          name="expiry-date"
          type="date"
          required
          min={bounds.min}
          max={bounds.max}
          value={value.date ?? ""}
          readOnly={disabled}
          hint="It works until the end of this day (UTC), at most a year from now."
          errors={errors?.date}
          onChange={(event) => onChange({ choice: "date", date: event.target.value })}
        />
      ) : null}
    </div>
  );
}
