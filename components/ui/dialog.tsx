"use client";
// The dialog: Radix handles focus trapping, Escape, and returning focus to the trigger.
import * as RadixDialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import type { ComponentPropsWithoutRef, ReactNode } from "react";
import { Button } from "./button";

export const Dialog = RadixDialog.Root;
export const DialogTrigger = RadixDialog.Trigger;
export const DialogClose = RadixDialog.Close;

type DialogContentProps = Omit<ComponentPropsWithoutRef<typeof RadixDialog.Content>, "title"> & {
  title: ReactNode;
  description?: ReactNode;
  /** "center" (the default): a box in the middle. "start": a drawer along the left edge, full height (the phone's menu). */
  placement?: "center" | "start";
  /**
   * Puts focus where it belongs once the dialog has closed, instead of Radix's default (the element
   * focused when it opened: for a dialog opened from a menu item, an item that is gone by then).
   */
  returnFocus?: () => void;
  /** The × button ("Close"); off where another button of the dialog says "Close". */
  closeButton?: boolean;
};

// Either way it fits the viewport, however small, and scrolls inside when its content does not.
const placements = {
  center:
    "top-1/2 left-1/2 max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 rounded-lg p-6",
  start: "inset-y-0 left-0 w-72 max-w-[calc(100%-3rem)] p-4",
};

export function DialogContent({
  title,
  description,
  placement = "center",
  returnFocus,
  closeButton = true,
  children,
  className = "",
  ...props
}: DialogContentProps) {
  return (
    <RadixDialog.Portal>
      {/* Overlay and content on one level, so a dialog opened from another (portaled after it) covers it, overlay and all. */}
      <RadixDialog.Overlay className="fixed inset-0 z-50 bg-slate-900/40" />
      <RadixDialog.Content
        // Without a description Radix expects the attribute to be explicitly absent.
        {...(description ? {} : { "aria-describedby": undefined })}
        className={`fixed z-50 overflow-y-auto bg-white shadow-xl focus:outline-none ${placements[placement]} ${className}`}
        onCloseAutoFocus={
          returnFocus &&
          ((event) => {
            event.preventDefault();
            returnFocus();
          })
        }
        {...props}
      >
        <RadixDialog.Title className="pr-8 text-lg font-semibold text-slate-900">{title}</RadixDialog.Title>
        {description ? (
          <RadixDialog.Description className="mt-1 text-sm text-slate-600">{description}</RadixDialog.Description>
        ) : null}
        <div className="mt-4">{children}</div>
        {closeButton ? (
          <RadixDialog.Close
            aria-label="Close"
            className="absolute top-3 right-3 rounded p-1 text-slate-500 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <X className="size-4" aria-hidden />
          </RadixDialog.Close>
        ) : null}
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}

export function DialogFooter({ children }: { children: ReactNode }) {
  return <div className="mt-6 flex flex-wrap justify-end gap-2">{children}</div>;
}

/** Closes the dialog; disabled while its action is under way. */
export function DialogCancel({ disabled, label = "Cancel" }: { disabled?: boolean; label?: string }) {
  return (
    <RadixDialog.Close asChild>
      <Button variant="secondary" disabled={disabled}>
        {label}
      </Button>
    </RadixDialog.Close>
  );
}
