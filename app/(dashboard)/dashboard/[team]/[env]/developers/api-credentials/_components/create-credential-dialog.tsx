"use client";
// "New API credential": a name and when it expires, then the token, once, in the TokenDialog. The token lives only in
// this component's state and is dropped when that dialog closes. The dialogs stay mounted while the
// list changes under them (the first credential replaces the empty state), so their opener is a
// separate button.
import { useRef, useState, type RefObject } from "react";
import { fieldErrors } from "@/components/action-client";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { CREATE_EXPIRY_CHOICES, type Expiry } from "@/lib/credentials/shared";
import { CredentialNameForm } from "./credential-name-form";
import { ExpiryFields } from "./expiry-fields";
import { TokenDialog } from "./token-dialog";
import type { TeamScope } from "@/lib/teams/shared";
import { useCreateCredential } from "./use-credentials";

type CreateCredentialDialogProps = {
  scope: TeamScope;
  teamName: string;
  environmentLabel: string;
  apiBaseUrl: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Where focus goes back to: the opener may have been replaced while the dialog was open. */
  opener: RefObject<HTMLButtonElement | null>;
};

export function CreateCredentialDialog({
  scope,
  teamName,
  environmentLabel,
  apiBaseUrl,
  open,
  onOpenChange,
  opener,
}: CreateCredentialDialogProps) {
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [expiry, setExpiry] = useState<Expiry>({ choice: "never" });
  // Read when the form's dialog has closed: focus then belongs to the token, not the opener.
  const showingToken = useRef(false);
  const create = useCreateCredential(scope, ({ credential, token }) => {
    showingToken.current = true;
    setCreated({ name: credential.name, token });
  });

  function close() {
    showingToken.current = false;
    onOpenChange(false);
    setCreated(null);
    setExpiry({ choice: "never" });
    create.reset();
  }

  return (
    <>
      {/* Closing waits for a creation in flight. */}
      <Dialog
        open={open && !created}
        onOpenChange={(next) => (next ? onOpenChange(true) : !create.isPending && close())}
      >
        <DialogContent
          title="New API credential"
          description={`For ${teamName} in ${environmentLabel}. It can call the eCourier API as this team.`}
          returnFocus={() => showingToken.current || opener.current?.focus()}
        >
          <CredentialNameForm
            scope={scope}
            submitLabel="Create"
            pendingLabel="Creating…"
            pending={create.isPending}
            errors={fieldErrors(create.error, "name")}
            hint="For your own reference, e.g. “ERP production”."
            onSubmit={(name) => create.submit({ name, expiry })}
          >
            <ExpiryFields
              label="Expires"
              hint="Its API responses carry the expiry (header ECourier-Credential-Expires-At), so an integration can warn itself."
              choices={CREATE_EXPIRY_CHOICES}
              value={expiry}
              onChange={setExpiry}
              disabled={create.isPending}
              errors={{ choice: fieldErrors(create.error, "expiry"), date: fieldErrors(create.error, "date") }}
            />
          </CredentialNameForm>
        </DialogContent>
      </Dialog>
      <TokenDialog
        title={created ? `“${created.name}” is ready` : ""}
        token={created?.token ?? null}
        apiBaseUrl={apiBaseUrl}
        onClose={close}
        returnFocus={() => opener.current?.focus()}
      >
        It works for <strong>{teamName}</strong> in <strong>{environmentLabel}</strong> only.
      </TokenDialog>
    </>
  );
}
