"use client";
// The one time a secret (a token, an invitation link) is shown: a read-only field, Copy, what it is
// good for, and Done. The body and footer of a dialog; the dialog decides how it may close.
import { Check, Copy } from "lucide-react";
import { useRef, useState, type ReactNode } from "react";
import { toast } from "sonner";
import { Button } from "./button";
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
  onDone: () => void;
  /** What the secret is good for, under the field. */
  children: ReactNode;
};

const COPIED_MS = 2500;

export function SecretReveal({ label, value, fieldClassName = "", copy, copyFailedToast, onDone, children }: SecretRevealProps) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  async function copyValue() {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      field.current?.select();
      toast.error(copyFailedToast);
      return;
    }
    if (copy.beside === "done") {
      toast.success(copy.copiedToast);
      return;
    }
    setCopied(true);
    setTimeout(() => setCopied(false), COPIED_MS);
  }

  return (
    <>
      <div className="space-y-3">
        <TextField ref={field} label={label} value={value} readOnly spellCheck={false} onFocus={(e) => e.currentTarget.select()} className={fieldClassName} />
        {copy.beside === "field" && (
          <div>
            <Button variant="secondary" onClick={copyValue} className="w-28">
              {copied ? <Check className="size-4" aria-hidden /> : <Copy className="size-4" aria-hidden />}
              <span aria-live="polite">{copied ? "Copied" : "Copy"}</span>
            </Button>
          </div>
        )}
        {children}
      </div>
      <DialogFooter>
        {copy.beside === "done" && (
          <Button variant="secondary" onClick={copyValue}>
            Copy
          </Button>
        )}
        <Button onClick={onDone}>Done</Button>
      </DialogFooter>
    </>
  );
}
