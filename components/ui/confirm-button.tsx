"use client";
// A button that asks before a consequential change (remove, revoke, delete, leave) and then starts it.
import { useState, type ReactNode } from "react";
import { Button, type ButtonProps } from "./button";
import { ConfirmDialog } from "./confirm-dialog";

type ConfirmButtonProps = Omit<ButtonProps, "onClick" | "pending" | "title"> & {
  /** The question the dialog asks, and its name. */
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** What the confirm button says while the change is under way ("Removing…"). */
  pendingLabel?: string;
  /** The change is under way: the dialog stays open and busy. */
  pending: boolean;
  /** Starts the change; `close` closes the dialog once it is done or has failed. */
  onConfirm: (close: () => void) => void;
};

export function ConfirmButton({
  title,
  description,
  confirmLabel,
  pendingLabel,
  pending,
  onConfirm,
  ...button
}: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button {...button} onClick={() => setOpen(true)} />
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={title}
        description={description}
        confirmLabel={confirmLabel}
        pendingLabel={pendingLabel}
        pending={pending}
        onConfirm={() => onConfirm(() => setOpen(false))}
      />
    </>
  );
}
