"use client";
// A row's Rename, Revoke or Enable, and Delete. Shown only to those who may manage credentials;
// the server checks again on every call.
import { Pencil, Power, PowerOff, Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { CredentialDto } from "@/lib/credentials";
import { RenameDialog } from "./rename-dialog";
import { useDeleteCredential, useEnableCredential, useRevokeCredential, type CredentialsScope } from "./use-credentials";

type Props = { scope: CredentialsScope; credential: CredentialDto; describedBy: string };

export function CredentialActions({ scope, credential, describedBy }: Props) {
  const [renaming, setRenaming] = useState(false);
  const revoke = useRevokeCredential(scope);
  const enable = useEnableCredential(scope);
  const remove = useDeleteCredential(scope);
  const rowButton = "px-1.5 py-1";

  return (
    <div className="flex justify-end gap-0.5">
      <Button variant="ghost" className={rowButton} aria-describedby={describedBy} onClick={() => setRenaming(true)}>
        <Pencil className="size-4" aria-hidden />
        Rename
      </Button>
      {credential.status === "active" ? (
        <ConfirmButton
          variant="ghost"
          className={rowButton}
          aria-describedby={describedBy}
          title={`Revoke “${credential.name}”?`}
          description="API calls with this token will be refused until you enable it again. The token itself does not change."
          confirmLabel="Revoke"
          pending={revoke.isPending}
          onConfirm={(close) => revoke.submit({ id: credential.id }, { onSettled: close })}
        >
          <PowerOff className="size-4" aria-hidden />
          Revoke
        </ConfirmButton>
      ) : (
        <Button variant="ghost" className={rowButton} aria-describedby={describedBy} pending={enable.isPending} onClick={() => enable.submit({ id: credential.id })}>
          <Power className="size-4" aria-hidden />
          Enable
        </Button>
      )}
      <ConfirmButton
        variant="ghost"
        className={`${rowButton} text-red-700 hover:bg-red-50`}
        aria-describedby={describedBy}
        title={`Delete “${credential.name}”?`}
        description="This is permanent. Integrations using its token stop working at once, and it cannot be restored: a new secret means a new credential."
        confirmLabel="Delete"
        pending={remove.isPending}
        onConfirm={(close) => remove.submit({ id: credential.id }, { onSettled: close })}
      >
        <Trash2 className="size-4" aria-hidden />
        Delete
      </ConfirmButton>

      <RenameDialog scope={scope} credential={credential} open={renaming} onOpenChange={setRenaming} />
    </div>
  );
}
