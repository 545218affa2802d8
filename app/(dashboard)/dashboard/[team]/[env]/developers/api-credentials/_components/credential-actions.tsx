"use client";
// A row's "⋯" menu: Rename, Revoke or Enable, and Delete. Shown only to those who may manage
// credentials; the server checks again on every call. Revoke and Delete ask first; a Live change
// may then ask for the password (the hooks' useCallAction). When a dialog closes or a change is
// done, `rowFocus` puts focus back on this row's button (or a neighbour's, once the row is gone).
import { Ellipsis, Pencil, Power, PowerOff, Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Menu, MenuContent, MenuItem, MenuTrigger } from "@/components/ui/dropdown-menu";
import type { CredentialDto } from "@/lib/credentials";
import { RenameDialog } from "./rename-dialog";
import { useDeleteCredential, useEnableCredential, useRevokeCredential, type CredentialsScope } from "./use-credentials";
import type { RowFocus } from "./use-row-focus";

type Props = { scope: CredentialsScope; credential: CredentialDto; rowFocus: RowFocus };

export function CredentialActions({ scope, credential, rowFocus }: Props) {
  const [open, setOpen] = useState<"rename" | "revoke" | "delete" | null>(null);
  const revoke = useRevokeCredential(scope);
  const enable = useEnableCredential(scope);
  const remove = useDeleteCredential(scope);
  const close = () => setOpen(null);
  const returnFocus = () => rowFocus.returnFocus(credential.id);
  const busy = revoke.isPending || enable.isPending || remove.isPending;

  return (
    <>
      {/* Enable runs from the menu, with no dialog to show that it is under way. */}
      {enable.isPending ? (
        <span role="status" className="mr-1 text-xs text-slate-600">
          Enabling…
        </span>
      ) : null}
      <Menu onOpenChange={(opened) => opened && rowFocus.remember(credential.id)}>
        <MenuTrigger asChild>
          <Button
            ref={rowFocus.trigger(credential.id)}
            variant="ghost"
            className="px-2 py-1.5"
            aria-label={`Actions for ${credential.name}`}
            aria-busy={busy || undefined}
          >
            <Ellipsis className="size-4" aria-hidden />
          </Button>
        </MenuTrigger>
        <MenuContent>
          <MenuItem onSelect={() => setOpen("rename")}>
            <Pencil className="size-4" aria-hidden />
            Rename
          </MenuItem>
          {credential.status === "active" ? (
            <MenuItem onSelect={() => setOpen("revoke")}>
              <PowerOff className="size-4" aria-hidden />
              Revoke
            </MenuItem>
          ) : (
            <MenuItem disabled={enable.isPending} onSelect={() => enable.submit({ id: credential.id }, { onSettled: returnFocus })}>
              <Power className="size-4" aria-hidden />
              Enable
            </MenuItem>
          )}
          <MenuItem tone="danger" onSelect={() => setOpen("delete")}>
            <Trash2 className="size-4" aria-hidden />
            Delete
          </MenuItem>
        </MenuContent>
      </Menu>

      <RenameDialog
        scope={scope}
        credential={credential}
        open={open === "rename"}
        onOpenChange={(next) => setOpen(next ? "rename" : null)}
        returnFocus={returnFocus}
      />
      <ConfirmDialog
        open={open === "revoke"}
        onOpenChange={(next) => setOpen(next ? "revoke" : null)}
        title={`Revoke “${credential.name}”?`}
        description="API calls with this token will be refused until you enable it again. The token itself does not change."
        confirmLabel="Revoke"
        pendingLabel="Revoking…"
        pending={revoke.isPending}
        onConfirm={() => revoke.submit({ id: credential.id }, { onSettled: close })}
        returnFocus={returnFocus}
      />
      <ConfirmDialog
        open={open === "delete"}
        onOpenChange={(next) => setOpen(next ? "delete" : null)}
        title={`Delete “${credential.name}”?`}
        description="This is permanent. Integrations using its token stop working at once, and it cannot be restored: a new secret means a new credential."
        confirmLabel="Delete"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        onConfirm={() => remove.submit({ id: credential.id }, { onSettled: close })}
        returnFocus={returnFocus}
      />
    </>
  );
}
