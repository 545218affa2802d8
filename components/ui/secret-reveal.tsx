"use client";
// The one time a secret (a token, an invitation link) is shown: a read-only field, Copy, what it is
// good for, and Done. The body and footer of a dialog; the dialog decides how it may close.
import { useRef, type ReactNode, type Ref } from "react";
import { Button } from "./button";
import { CopyButton } from "./copy-button";
import { DialogFooter } from "./dialog";
import { TextField } from "./text-field";

type SecretRevealProps = {
  /** The field's label, and so its accessible name ("Token"). */
  label: string;
  value: string;
  fieldClassName?: string;
  /**
   * Where Copy sits: under the field, where it reads "Copied" for a moment; or in the footer
   * beside Done, where a toast says it worked.
   */
  copy: { beside: "field" } | { beside: "done"; copiedToast: string };
  /** Said when the clipboard refuses; the field is then selected, to copy by hand. */
  copyFailedToast: string;
  /** The secret was copied: with Copy, or by hand from the field. */
  onCopied?: () => void;
  /** The Copy button, for a dialog that puts focus back on it. */
  copyButtonRef?: Ref<HTMLButtonElement>;
  onDone: () => void;
  /** What the secret is good for, under the field. */
  children: ReactNode;
};

export function SecretReveal({
  label,
  value,
  fieldClassName = "",
  copy,
  copyFailedToast,
  onCopied,
  copyButtonRef,
  onDone,
  children,
}: SecretRevealProps) {
  const field = useRef<HTMLInputElement>(null);
  const copyButton = (
    <CopyButton
      ref={copyButtonRef}
      value={value}
      failedToast={copyFailedToast}
      copiedToast={copy.beside === "done" ? copy.copiedToast : undefined}
      onCopied={onCopied}
      onFailed={() => field.current?.select()}
      className={copy.beside === "field" ? "w-28" : undefined}
    />
  );

  return (
    <>
      <div className="space-y-3">
        <TextField
          ref={field}
          label={label}
          value={value}
          readOnly
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
          onCopy={onCopied}
          className={fieldClassName}
        />
        {copy.beside === "field" && <div>{copyButton}</div>}
        {children}
      </div>
      <DialogFooter>
        {copy.beside === "done" && copyButton}
        <Button onClick={onDone}>Done</Button>
      </DialogFooter>
    </>
  );
}
