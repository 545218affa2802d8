"use client";
// Copy: puts a text on the clipboard and says so, "Copied" on the button for a moment (or, with
// `copiedToast`, in a toast). When the clipboard refuses (no permission, an insecure origin), a toast
// says so and `onFailed` may select the text, to copy by hand.
import { Check, Copy } from "lucide-react";
import { forwardRef, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "./button";

type CopyButtonProps = {
  value: string;
  /** What is copied, for a screen with more than one Copy: "command" names the button "Copy command". */
  what?: string;
  /** Said when the clipboard refuses. */
  failedToast: string;
  /** A toast that says it worked, instead of "Copied" on the button. */
  copiedToast?: string;
  onCopied?: () => void;
  onFailed?: () => void;
  className?: string;
};

const COPIED_MS = 2500;

export const CopyButton = forwardRef<HTMLButtonElement, CopyButtonProps>(function CopyButton(
  { value, what, failedToast, copiedToast, onCopied, onFailed, className = "" },
  ref,
) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      onFailed?.();
      toast.error(failedToast);
      return;
    }
    onCopied?.();
    if (copiedToast) {
      toast.success(copiedToast);
      return;
    }
    setCopied(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied(false), COPIED_MS);
  }

  const icon = copied ? <Check className="size-4" aria-hidden /> : <Copy className="size-4" aria-hidden />;
  return (
    <Button ref={ref} variant="secondary" onClick={copy} className={className}>
      {icon}
      <span aria-live="polite">{copied ? "Copied" : "Copy"}</span>
      {what ? <span className="sr-only"> {what}</span> : null}
    </Button>
  );
});
