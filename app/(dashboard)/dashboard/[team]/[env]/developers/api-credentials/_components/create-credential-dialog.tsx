"use client";
// "New API credential": a name, then the token, once. The token lives only in this dialog's
// state and is dropped when the dialog closes. The dialog stays mounted while the list changes
// under it (the first credential replaces the empty state), so its opener is a separate button.
import { useState, type RefObject } from "react";
import { fieldErrors } from "@/components/action-client";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { CredentialNameForm } from "./credential-name-form";
import { TokenReveal } from "./token-reveal";
import { useCreateCredential, type CredentialsScope } from "./use-credentials";

type CreateCredentialDialogProps = {
  scope: CredentialsScope;
  teamName: string;
  environmentLabel: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Where focus goes back to: the opener may have been replaced while the dialog was open. */
  opener: RefObject<HTMLButtonElement | null>;
};

export function CreateCredentialDialog({ scope, teamName, environmentLabel, open, onOpenChange, opener }: CreateCredentialDialogProps) {
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const create = useCreateCredential(scope, ({ credential, token }) => setCreated({ name: credential.name, token }));

  function close() {
    onOpenChange(false);
    setCreated(null);
    create.reset();
  }

  return (
    // Closing waits for a creation in flight; once the token shows, the list may still be
    // refreshing behind it (the mutation is pending until then), and Escape or × must still work.
    <Dialog open={open} onOpenChange={(next) => (next ? onOpenChange(true) : (created || !create.isPending) && close())}>
      <DialogContent
        title={created ? `“${created.name}” is ready` : "New API credential"}
        description={created ? undefined : `For ${teamName} in ${environmentLabel}. It can call the eCourier API as this team.`}
        // A stray click outside must not lose a token that cannot be shown again.
        onInteractOutside={(event) => created && event.preventDefault()}
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          opener.current?.focus();
        }}
      >
        {created ? (
          <>
            <TokenReveal token={created.token} teamName={teamName} environmentLabel={environmentLabel} />
            <DialogFooter>
              <Button onClick={close}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <CredentialNameForm
            submitLabel="Create"
            pending={create.isPending}
            errors={fieldErrors(create.error, "name")}
            hint="For your own reference, e.g. “ERP production”."
            onSubmit={(name) => create.submit({ name })}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}
