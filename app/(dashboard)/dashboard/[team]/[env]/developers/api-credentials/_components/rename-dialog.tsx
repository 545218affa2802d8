"use client";
import { fieldErrors } from "@/components/action-client";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import type { CredentialDto } from "@/lib/credentials/shared";
import { CredentialNameForm } from "./credential-name-form";
import type { TeamScope } from "@/lib/teams/shared";
import { useRenameCredential } from "./use-credentials";

type RenameDialogProps = {
  scope: TeamScope;
  credential: CredentialDto;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  returnFocus?: () => void;
};

export function RenameDialog({ scope, credential, open, onOpenChange, returnFocus }: RenameDialogProps) {
  const rename = useRenameCredential(scope);

  function changeOpen(next: boolean) {
    if (rename.isPending) return;
    rename.reset();
    onOpenChange(next);
  }

  function save(name: string) {
    // The name it already has (the server trims it too): nothing to change, nothing to record.
    if (name.trim() === credential.name) return onOpenChange(false);
    rename.submit(
      { id: credential.id, name },
      { onSuccess: () => onOpenChange(false), onError: (error) => !fieldErrors(error, "name") && onOpenChange(false) },
    );
  }

  return (
    <Dialog open={open} onOpenChange={changeOpen}>
      <DialogContent title={`Rename “${credential.name}”`} returnFocus={returnFocus}>
        <CredentialNameForm
          scope={scope}
          credentialId={credential.id}
          submitLabel="Save"
          pendingLabel="Saving…"
          defaultName={credential.name}
          pending={rename.isPending}
          errors={fieldErrors(rename.error, "name")}
          onSubmit={save}
        />
      </DialogContent>
    </Dialog>
  );
}
