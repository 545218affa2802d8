"use client";
// The one time a token is shown: a read-only field, Copy, and what the token is good for.
import { Check, Copy, TriangleAlert } from "lucide-react";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

type TokenRevealProps = { token: string; teamName: string; environmentLabel: string };

export function TokenReveal({ token, teamName, environmentLabel }: TokenRevealProps) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
      setTimeout(() => setCopied(false), 2500);
    } catch {
      field.current?.select();
      toast.error("Could not copy to the clipboard. The token is selected: copy it with your keyboard.");
    }
  }

  return (
    <div className="space-y-3">
      <TextField ref={field} label="Token" value={token} readOnly spellCheck={false} onFocus={(e) => e.currentTarget.select()} className="bg-slate-50 font-mono text-xs" />
      <div>
        <Button variant="secondary" onClick={copy} className="w-28">
          {copied ? <Check className="size-4" aria-hidden /> : <Copy className="size-4" aria-hidden />}
          <span aria-live="polite">{copied ? "Copied" : "Copy"}</span>
        </Button>
      </div>
      <p className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
        <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
        <span>
          Copy this token now: it will not be shown again. It works for <strong>{teamName}</strong> in <strong>{environmentLabel}</strong> only.
        </span>
      </p>
    </div>
  );
}
