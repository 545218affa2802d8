"use client";
// "Roll “<name>”": a new token replaces this one, and the old one keeps working for the grace period
// chosen. Then the new token, once, in the same TokenDialog as after a creation. The dialog lives beside the list (or the
// page), not in the row that opened it: once rolled, the row may leave the list (a filter on
// "Active" after "Now"), and the token must not go with it. The token lives only in this dialog's state.
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancel, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { RadioGroup } from "@/components/ui/radio-group";
import { credentialState, formatTimeLeft } from "@/lib/credentials/shared";
import type { CredentialDto } from "@/lib/credentials/shared";
import { GRACE_PERIODS, gracePeriodLabels, type GracePeriod } from "@/lib/credentials/shared";
import { TokenDialog } from "./token-dialog";
import type { TeamScope } from "@/lib/teams/shared";
import { useRollCredential } from "./use-credentials";

type RollTarget = { id: string; name: string; returnFocus?: () => void };

const OpenRollContext = createContext<(target: RollTarget) => void>(() => {});

/** Opens "Roll “<name>”" for a credential; focus goes to `returnFocus` once it closes (else back where it was). */
export const useOpenRoll = () => useContext(OpenRollContext);

export function RollDialogHost({
  scope,
  apiBaseUrl,
  children,
}: {
  scope: TeamScope;
  apiBaseUrl: string;
  children: ReactNode;
}) {
  // A new key for each opening: nothing of the last roll (its token above all) survives it.
  const [opening, setOpening] = useState<{ target: RollTarget; key: number } | null>(null);
  const [open, setOpen] = useState(false);
  const openRoll = useCallback((target: RollTarget) => {
    setOpening((last) => ({ target, key: (last?.key ?? 0) + 1 }));
    setOpen(true);
  }, []);
  return (
    <OpenRollContext.Provider value={openRoll}>
      {children}
      {opening ? (
        <RollDialog
          key={opening.key}
          scope={scope}
          apiBaseUrl={apiBaseUrl}
          target={opening.target}
          open={open}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </OpenRollContext.Provider>
  );
}

const graceOptions = GRACE_PERIODS.map((value) => ({ value, label: gracePeriodLabels[value] }));
const DEFAULT_GRACE: GracePeriod = "24h";

type RollDialogProps = {
  scope: TeamScope;
  apiBaseUrl: string;
  target: RollTarget;
  open: boolean;
  onClose: () => void;
};

function RollDialog({ scope, apiBaseUrl, target, open, onClose }: RollDialogProps) {
  const [grace, setGrace] = useState<GracePeriod>(DEFAULT_GRACE);
  const [rolled, setRolled] = useState<{ name: string; token: string; oldToken: string } | null>(null);
  // Read when the form's dialog has closed: focus then belongs to the token, not the opener.
  const showingToken = useRef(false);
  const roll = useRollCredential(scope, ({ credential, previous, token }) => {
    showingToken.current = true;
    setRolled({ name: credential.name, token, oldToken: oldTokenFate(previous) });
  });

  return (
    <>
      {/* Closing waits for the roll in flight. */}
      <Dialog open={open && !rolled} onOpenChange={(next) => !next && !roll.isPending && onClose()}>
        <DialogContent
          title={`Roll “${target.name}”`}
          description="A new token replaces this one. The new credential keeps this one’s name, allowed IP addresses and expiry lifetime; both tokens work until the old one stops."
          returnFocus={() => {
            if (!showingToken.current) target.returnFocus?.();
          }}
        >
          <form
            onSubmit={(event) => {
              event.preventDefault();
              roll.submit({ id: target.id, grace }, { onError: onClose });
            }}
          >
            <RadioGroup
              label="Old token stops working"
              name="grace"
              options={graceOptions}
              value={grace}
              onChange={setGrace}
              disabled={roll.isPending}
            />
            <DialogFooter>
              <DialogCancel disabled={roll.isPending} />
              <Button type="submit" pending={roll.isPending} pendingLabel="Rolling…">
                Roll
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
      <TokenDialog
        title={rolled ? `“${rolled.name}” is ready` : ""}
        token={open && rolled ? rolled.token : null}
        apiBaseUrl={apiBaseUrl}
        onClose={onClose}
        returnFocus={target.returnFocus}
      >
        Put it where the old token is used: {rolled?.oldToken}
      </TokenDialog>
    </>
  );
}

/**
 * What becomes of the old token, from the server's answer: a roll never lengthens its life (one
 * ending sooner than the grace period keeps its end), and a revoked one stays refused.
 */
function oldTokenFate(previous: CredentialDto): string {
  const now = Date.now();
  if (credentialState(previous, now).refusal) return "the old token no longer works.";
  if (!previous.expiresAt) return "the old token keeps working.";
  return `the old token stops working ${formatTimeLeft(Date.parse(previous.expiresAt) - now)}.`;
}
