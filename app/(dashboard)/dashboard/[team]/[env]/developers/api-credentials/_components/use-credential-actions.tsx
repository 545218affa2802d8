"use client";
// A credential's actions, defined once for its row's "⋯" menu and its page's buttons: Rename, Roll,
// Change expiry, End now (a rolled credential still in its grace period), Revoke or Enable, Delete.
// Returns them as items to show however the place shows them, and the dialogs they open. Shown only
// to those who may manage credentials; the server checks again on every call. Revoke, Delete and
// End now ask first, and so does Enable when the token was found in public; a Live change may then
// ask for the password (the hooks' useCallAction).
import { CalendarClock, CircleStop, Pencil, Power, PowerOff, RefreshCw, Trash2, type LucideIcon } from "lucide-react";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { LEAKED_TOKEN_WARNING, type CredentialState } from "@/lib/credentials/shared";
import type { CredentialDto } from "@/lib/credentials/shared";
import { ChangeExpiryDialog } from "./change-expiry-dialog";
import { RollUsage } from "./credential-status";
import { RenameDialog } from "./rename-dialog";
import { useOpenRoll } from "./roll-dialog";
import type { TeamScope } from "@/lib/teams/shared";
import { useChangeExpiry, useDeleteCredential, useEnableCredential, useRevokeCredential } from "./use-credentials";

export type CredentialActionItem = {
  /** Stays the same when the label changes (Revoke ↔ Enable), so a focused button keeps focus. */
  key: string;
  label: string;
  icon: LucideIcon;
  tone?: "danger";
  disabled?: boolean;
  /** Acts at once, with no dialog (Enable, unless the token was found in public). */
  direct?: boolean;
  onSelect: () => void;
};

type Options = {
  scope: TeamScope;
  credential: CredentialDto;
  state: CredentialState;
  now: number;
  /** Where focus goes once a dialog closes or a change is done; by default back where it was. */
  returnFocus?: () => void;
};

type Dialog = "rename" | "expiry" | "end" | "revoke" | "enable" | "delete";

export function useCredentialActions({ scope, credential, state, now, returnFocus }: Options) {
  const [open, setOpen] = useState<Dialog | null>(null);
  const openRoll = useOpenRoll();
  const revoke = useRevokeCredential(scope);
  const enable = useEnableCredential(scope);
  const remove = useDeleteCredential(scope);
  const end = useChangeExpiry(scope);
  const close = () => setOpen(null);
  const opener = (dialog: Dialog) => (next: boolean) => setOpen(next ? dialog : null);
  const busy = revoke.isPending || enable.isPending || remove.isPending || end.isPending;
  const { id, name } = credential;
  const leaked = credential.leak !== null;

  const items: CredentialActionItem[] = [
    { key: "rename", label: "Rename", icon: Pencil, onSelect: () => setOpen("rename") },
    { key: "roll", label: "Roll", icon: RefreshCw, onSelect: () => openRoll({ id, name, returnFocus }) },
    { key: "expiry", label: "Change expiry", icon: CalendarClock, onSelect: () => setOpen("expiry") },
    ...(state.roll?.endable
      ? [{ key: "end", label: "End now", icon: CircleStop, onSelect: () => setOpen("end") }]
      : []),
    credential.status === "active"
      ? { key: "status", label: "Revoke", icon: PowerOff, onSelect: () => setOpen("revoke") }
      : leaked
        ? { key: "status", label: "Enable", icon: Power, onSelect: () => setOpen("enable") }
        : {
            key: "status",
            label: "Enable",
            icon: Power,
            direct: true,
            disabled: enable.isPending,
            onSelect: () => enable.submit({ id }, { onSettled: () => returnFocus?.() }),
          },
    { key: "delete", label: "Delete", icon: Trash2, tone: "danger", onSelect: () => setOpen("delete") },
  ];

  const dialogs = (
    <>
      <RenameDialog
        scope={scope}
        credential={credential}
        open={open === "rename"}
        onOpenChange={opener("rename")}
        returnFocus={returnFocus}
      />
      <ChangeExpiryDialog
        scope={scope}
        credential={credential}
        now={now}
        open={open === "expiry"}
        onOpenChange={opener("expiry")}
        returnFocus={returnFocus}
      />
      {state.roll ? (
        <ConfirmDialog
          open={open === "end"}
          onOpenChange={opener("end")}
          title={`End “${name}” now?`}
          description={
            <>
              Its token stops working at once; “{state.roll.replacedBy.name}” replaces it.{" "}
              <RollUsage usage={state.roll.usage} />.
            </>
          }
          confirmLabel="End now"
          pendingLabel="Ending…"
          pending={end.isPending}
          onConfirm={() => end.submit({ id, expiry: { choice: "now" } }, { onSettled: close })}
          returnFocus={returnFocus}
        />
      ) : null}
      <ConfirmDialog
        open={open === "revoke"}
        onOpenChange={opener("revoke")}
        title={`Revoke “${name}”?`}
        description="API calls with this token will be refused until you enable it again. The token itself does not change."
        confirmLabel="Revoke"
        pendingLabel="Revoking…"
        pending={revoke.isPending}
        onConfirm={() => revoke.submit({ id }, { onSettled: close })}
        returnFocus={returnFocus}
      />
      <ConfirmDialog
        open={open === "enable"}
        onOpenChange={opener("enable")}
        title={`Enable “${name}”?`}
        description={LEAKED_TOKEN_WARNING}
        confirmLabel="Enable"
        pendingLabel="Enabling…"
        pending={enable.isPending}
        onConfirm={() => enable.submit({ id, acknowledgeLeak: true }, { onSettled: close })}
        returnFocus={returnFocus}
      />
      <ConfirmDialog
        open={open === "delete"}
        onOpenChange={opener("delete")}
        title={`Delete “${name}”?`}
        description="This is permanent. Integrations using its token stop working at once, and it cannot be restored. To replace its token without downtime, roll it instead."
        confirmLabel="Delete"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        onConfirm={() => remove.submit({ id }, { onSettled: close })}
        returnFocus={returnFocus}
      />
    </>
  );

  // A confirmed Enable shows its progress in the dialog.
  return { items, dialogs, busy, enabling: enable.isPending && !leaked };
}
