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
  /** What the confirm button says while the change is under way ("Revoking…"). */
  pendingLabel?: string;
  pending: boolean;
  onConfirm: () => void;
  /** Where focus goes when it closes (see DialogContent). */
  returnFocus?: () => void;
};

export function ConfirmDialog({ open, onOpenChange, title, description, confirmLabel, pendingLabel, pending, onConfirm, returnFocus }: ConfirmDialogProps) {
  return (
    <Dialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <DialogContent title={title} description={description} role="alertdialog" returnFocus={returnFocus}>
        <DialogFooter>
          <DialogCancel disabled={pending} />
          <Button variant="danger" pending={pending} pendingLabel={pendingLabel} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
