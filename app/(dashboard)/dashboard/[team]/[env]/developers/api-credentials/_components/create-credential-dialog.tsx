"use client";
// "New API credential": a name, then the token, once. The token lives only in this dialog's
// state and is dropped when the dialog closes. The dialog stays mounted while the list changes
// under it (the first credential replaces the empty state), so its opener is a separate button.
import { TriangleAlert } from "lucide-react";
import { useState, type RefObject } from "react";
import { fieldErrors } from "@/components/action-client";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { CredentialNameForm } from "./credential-name-form";
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
        returnFocus={() => opener.current?.focus()}
      >
        {created ? (
          <SecretReveal
            label="Token"
            value={created.token}
            fieldClassName="bg-slate-50 font-mono text-xs"
            copy={{ beside: "field" }}
            copyFailedToast="Could not copy to the clipboard. The token is selected: copy it with your keyboard."
            onDone={close}
          >
            <p className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
              <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
              <span>
                Copy this token now: it will not be shown again. It works for <strong>{teamName}</strong> in <strong>{environmentLabel}</strong> only.
              </span>
            </p>
          </SecretReveal>
        ) : (
          <CredentialNameForm
            submitLabel="Create"
            pendingLabel="Creating…"
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
