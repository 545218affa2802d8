"use client";
// Asks before a consequential change (revoke, delete); stays open and busy until it is done.
import type { ReactNode } from "react";
import { Button } from "./button";
import { Dialog, DialogCancel, DialogContent, DialogFooter } from "./dialog";

type ConfirmDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** The button that closes it without doing anything ("Cancel"). */
  cancelLabel?: string;
  /** What the confirm button says while the change is under way ("Revoking…"). */
  pendingLabel?: string;
  pending: boolean;
  onConfirm: () => void;
  /** Where focus goes when it closes (see DialogContent). */
  returnFocus?: () => void;
  /** The × button ("Close"); off where the confirm button itself says "Close". */
  closeButton?: boolean;
};

export function ConfirmDialog(props: ConfirmDialogProps) {
  const {
    open,
    onOpenChange,
    title,
    description,
    confirmLabel,
    cancelLabel,
    pendingLabel,
    pending,
    onConfirm,
    returnFocus,
    closeButton,
  } = props;
  return (
    <Dialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <DialogContent
        title={title}
        description={description}
        role="alertdialog"
        returnFocus={returnFocus}
        closeButton={closeButton}
      >
        <DialogFooter>
          <DialogCancel disabled={pending} label={cancelLabel} />
          <Button variant="danger" pending={pending} pendingLabel={pendingLabel} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
