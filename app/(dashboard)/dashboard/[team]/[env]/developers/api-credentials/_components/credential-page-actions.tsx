"use client";
// The credential page's buttons: the same actions as its row's "⋯" menu (use-credential-actions.tsx).
// Focus goes back to the button that opened a dialog (Radix would send it to a dialog trigger there
// is none of); when that button is gone ("End now", once done and the page shown again), to the
// first of the others.
import { useLayoutEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import type { CredentialState } from "@/lib/credentials/shared";
import type { CredentialDto } from "@/lib/credentials/shared";
import { useCredentialActions } from "./use-credential-actions";
import type { TeamScope } from "@/lib/teams/shared";

type Props = { scope: TeamScope; credential: CredentialDto; state: CredentialState; now: number };

export function CredentialPageActions({ scope, credential, state, now }: Props) {
  const group = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const returnFocus = () =>
    (opener.current?.isConnected ? opener.current : group.current?.querySelector("button"))?.focus();
  const { items, dialogs, enabling } = useCredentialActions({ scope, credential, state, now, returnFocus });
  useLayoutEffect(() => {
    // The button that had focus has just left the page, and focus with it.
    if (opener.current && !opener.current.isConnected && document.activeElement === document.body) {
      returnFocus();
      opener.current = null;
    }
  });
  return (
    <div
      ref={group}
      role="group"
      aria-label={`Actions for ${credential.name}`}
      className="flex flex-wrap items-center gap-2"
    >
      {items.map(({ key, label, icon: Icon, tone, disabled, direct, onSelect }) => (
        <Button
          key={key}
          variant={tone === "danger" ? "danger" : "secondary"}
          disabled={disabled}
          pending={key === "status" && enabling}
          pendingLabel="Enabling…"
          aria-haspopup={direct ? undefined : "dialog"}
          onClick={(event) => {
            opener.current = event.currentTarget;
            onSelect();
          }}
        >
          <Icon className="size-4" aria-hidden />
          {label}
        </Button>
      ))}
      {dialogs}
    </div>
  );
}
