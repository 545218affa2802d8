"use client";
// A new token, shown once (a created credential; a rolled one too): the token and Copy, a curl
// command that tries it, and Done. Until the token is copied, Done, × or Escape first asks "Close
// without copying?": it cannot be shown again. A click outside never closes it. Copying the token or
// the command, with Copy or by hand, counts as copied.
import { TriangleAlert } from "lucide-react";
import { useRef, useState, type ReactNode } from "react";
import { CodeBlock } from "@/components/ui/code-block";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { meCommand } from "./me-command";

type TokenDialogProps = {
  title: string;
  /** The plain token, held only by the caller's state; null: the dialog is closed. */
  token: string | null;
  /** The API origin for the curl command. */
  apiBaseUrl: string;
  /** Closing is decided: the caller drops the token. */
  onClose: () => void;
  /** Where focus goes once it has closed (see DialogContent). */
  returnFocus?: () => void;
  /** What the token works for, said after "Copy this token now: it will not be shown again." */
  children?: ReactNode;
};

export function TokenDialog({ title, token, apiBaseUrl, onClose, returnFocus, children }: TokenDialogProps) {
  const [copiedToken, setCopiedToken] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const copyButton = useRef<HTMLButtonElement>(null);
  const markCopied = () => setCopiedToken(token);

  function close() {
    setAsking(false);
    onClose();
  }
  const closeOrAsk = () => (token !== null && copiedToken === token ? close() : setAsking(true));

  return (
    <Dialog open={token !== null} onOpenChange={(open) => !open && closeOrAsk()}>
      {token !== null ? (
        <DialogContent title={title} onInteractOutside={(event) => event.preventDefault()} returnFocus={returnFocus}>
          <SecretReveal
            label="Token"
            value={token}
            fieldClassName="bg-slate-50 font-mono text-xs"
            copy={{ beside: "field" }}
            copyFailedToast="Could not copy to the clipboard. The token is selected: copy it with your keyboard."
            copyButtonRef={copyButton}
            onCopied={markCopied}
            onDone={closeOrAsk}
          >
            <p className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
              <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
              <span>Copy this token now: it will not be shown again. {children}</span>
            </p>
            <div>
              <p className="text-sm text-slate-600">
                Try it: this answers with the team and environment the token belongs to.
              </p>
              <CodeBlock code={meCommand(apiBaseUrl, token)} what="curl command" onCopied={markCopied} />
            </div>
          </SecretReveal>
          <ConfirmDialog
            open={asking}
            onOpenChange={setAsking}
            title="Close without copying?"
            description="The token will not be shown again."
            cancelLabel="Go back"
            confirmLabel="Close"
            closeButton={false}
            pending={false}
            onConfirm={close}
            // Back to the token: its Copy button. After "Close" it is gone, and the dialog's own returnFocus applies.
            returnFocus={() => copyButton.current?.focus()}
          />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
