"use client";
// The Name form shared by the create and rename dialogs: the server validates; errors show beside
// the field, which takes focus. While the server works the name cannot be edited.
import { useEffect, useRef, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { DialogCancel, DialogFooter } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";

type Props = {
  submitLabel: string;
  /** What the submit button says while the server works ("Saving…"). */
  pendingLabel: string;
  pending: boolean;
  errors?: string[];
  defaultName?: string;
  hint?: string;
  onSubmit: (name: string) => void;
};

export function CredentialNameForm({ submitLabel, pendingLabel, pending, errors, defaultName, hint, onSubmit }: Props) {
  const field = useRef<HTMLInputElement>(null);
  // A refused name: focus goes to the field that says why (the submit button was disabled meanwhile).
  useEffect(() => {
    if (errors?.length) field.current?.focus();
  }, [errors]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(String(new FormData(event.currentTarget).get("name") ?? ""));
  }
  return (
    <form onSubmit={submit} noValidate>
      <TextField ref={field} label="Name" name="name" defaultValue={defaultName} readOnly={pending} autoComplete="off" required hint={hint} errors={errors} />
      <DialogFooter>
        <DialogCancel disabled={pending} />
        <Button type="submit" pending={pending} pendingLabel={pendingLabel}>
          {submitLabel}
        </Button>
      </DialogFooter>
    </form>
  );
}
