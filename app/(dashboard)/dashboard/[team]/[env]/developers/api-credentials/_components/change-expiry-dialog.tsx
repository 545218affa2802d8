"use client";
// "Change expiry": a new expiry from now, a date, never, or "End now". Works on an expired
// credential too, which is how one is brought back (enabling does not touch the expiry).
import { useState, type FormEvent } from "react";
import { fieldErrors } from "@/components/action-client";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancel, DialogContent, DialogFooter } from "@/components/ui/dialog";
import type { CredentialDto } from "@/lib/credentials/shared";
import { EXPIRY_CHOICES, type Expiry } from "@/lib/credentials/shared";
import { ExpiryFields } from "./expiry-fields";
import { ExpiryText } from "./credential-status";
import type { TeamScope } from "@/lib/teams/shared";
import { useChangeExpiry } from "./use-credentials";

type Props = {
  scope: TeamScope;
  credential: Pick<CredentialDto, "id" | "name" | "expiresAt">;
  now: number;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  returnFocus?: () => void;
};

export function ChangeExpiryDialog({ scope, credential, now, open, onOpenChange, returnFocus }: Props) {
  const change = useChangeExpiry(scope);
  const [expiry, setExpiry] = useState<Expiry>({ choice: "never" });

  function changeOpen(next: boolean) {
    if (change.isPending) return;
    change.reset();
    setExpiry({ choice: "never" });
    onOpenChange(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    change.submit(
      { id: credential.id, expiry },
      {
        onSuccess: () => {
          setExpiry({ choice: "never" });
          onOpenChange(false);
        },
        onError: (error) => !fieldErrors(error, "date") && !fieldErrors(error, "expiry") && onOpenChange(false),
      },
    );
  }

  return (
    <Dialog open={open} onOpenChange={changeOpen}>
      <DialogContent
        title={`Change expiry of “${credential.name}”`}
        description={
          <>
            Current expiry: <ExpiryText expiresAt={credential.expiresAt} now={now} />.
          </>
        }
        returnFocus={returnFocus}
      >
        <form onSubmit={submit} noValidate>
          <ExpiryFields
            label="Expires"
            choices={EXPIRY_CHOICES}
            value={expiry}
            onChange={setExpiry}
            disabled={change.isPending}
            errors={{ choice: fieldErrors(change.error, "expiry"), date: fieldErrors(change.error, "date") }}
          />
          <DialogFooter>
            <DialogCancel disabled={change.isPending} />
            <Button type="submit" pending={change.isPending} pendingLabel="Saving…">
              Save
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
