"use client";
// A row's "⋯" menu: the credential's actions (use-credential-actions.tsx) as menu items. When a
// dialog closes or a change is done, `rowFocus` puts focus back on this row's button (or a
// neighbour's, once the row is gone).
import { Ellipsis } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Menu, MenuContent, MenuItem, MenuTrigger } from "@/components/ui/dropdown-menu";
import type { CredentialState } from "@/lib/credentials/shared";
import type { CredentialDto } from "@/lib/credentials/shared";
import { useCredentialActions } from "./use-credential-actions";
import type { TeamScope } from "@/lib/teams/shared";
import type { RowFocus } from "./use-row-focus";

type Props = {
  scope: TeamScope;
  credential: CredentialDto;
  state: CredentialState;
  now: number;
  rowFocus: RowFocus;
};

export function CredentialActions({ scope, credential, state, now, rowFocus }: Props) {
  const { items, dialogs, busy, enabling } = useCredentialActions({
    scope,
    credential,
    state,
    now,
    returnFocus: () => rowFocus.returnFocus(credential.id),
  });

  return (
    <>
      {/* Enable runs from the menu, with no dialog to show that it is under way. */}
      {enabling ? (
        <span role="status" className="mr-1 text-xs text-slate-600">
          Enabling…
        </span>
      ) : null}
      <Menu onOpenChange={(opened) => opened && rowFocus.remember(credential.id)}>
        <MenuTrigger asChild>
          <Button
            ref={rowFocus.trigger(credential.id)}
            variant="ghost"
            className="px-2 py-1.5"
            aria-label={`Actions for ${credential.name}`}
            aria-busy={busy || undefined}
          >
            <Ellipsis className="size-4" aria-hidden />
          </Button>
        </MenuTrigger>
        <MenuContent>
          {items.map(({ key, label, icon: Icon, tone, disabled, onSelect }) => (
            <MenuItem key={key} tone={tone} disabled={disabled} onSelect={onSelect}>
              <Icon className="size-4" aria-hidden />
              {label}
            </MenuItem>
          ))}
        </MenuContent>
      </Menu>
      {dialogs}
    </>
  );
}
