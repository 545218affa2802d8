"use client";
// The Name form shared by the create and rename dialogs: the server validates; errors show beside
// the field, which takes focus. Another credential of the same name is allowed, and said as it is typed. The limit is in the hint and counted as the name nears it. No
// maxLength: it counts UTF-16 units where the server counts characters (an emoji would count twice),
// and it would cut a pasted name short without a word; the server's "Use at most 64" says why instead.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { DialogCancel, DialogFooter } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { CREDENTIAL_NAME_MAX_LENGTH } from "@/lib/credentials/shared";
import type { TeamScope } from "@/lib/teams/shared";
import { useNameInUseWarning } from "./use-name-in-use";

const nameCounter = { max: CREDENTIAL_NAME_MAX_LENGTH, from: 50 };
const limit = `Up to ${CREDENTIAL_NAME_MAX_LENGTH} characters.`;

type Props = {
  scope: TeamScope;
  /** The credential being renamed: its own name is no other's. */
  credentialId?: string;
  submitLabel: string;
  /** What the submit button says while the server works ("Saving…"). */
  pendingLabel: string;
  pending: boolean;
  errors?: string[];
  defaultName?: string;
  /** Said before the limit. */
  hint?: string;
  onSubmit: (name: string) => void;
  /** More fields after the name (the create dialog's "Expires"). */
  children?: ReactNode;
};

export function CredentialNameForm({
  scope,
  credentialId,
  submitLabel,
  pendingLabel,
  pending,
  errors,
  defaultName,
  hint,
  onSubmit,
  children,
}: Props) {
  const [name, setName] = useState(defaultName ?? "");
  const warning = useNameInUseWarning(scope, name, credentialId);
  const field = useRef<HTMLInputElement>(null);
  // A refused name: focus goes to the field that says why (the submit button was disabled meanwhile).
  useEffect(() => {
    if (errors?.length) field.current?.focus();
  }, [errors]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(name);
  }
  return (
    <form onSubmit={submit} noValidate>
      <TextField
        ref={field}
        label="Name"
        name="name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        readOnly={pending}
        autoComplete="off"
        required
        hint={hint ? `${hint} ${limit}` : limit}
        counter={nameCounter}
        errors={errors}
        warning={warning}
      />
      {children}
      <DialogFooter>
        <DialogCancel disabled={pending} />
        <Button type="submit" pending={pending} pendingLabel={pendingLabel}>
          {submitLabel}
        </Button>
      </DialogFooter>
    </form>
  );
}
