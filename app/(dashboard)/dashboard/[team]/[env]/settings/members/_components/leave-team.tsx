"use client";
// Any member may leave, except the last Owner: for them the button is disabled and says why (the
// server refuses it all the same).
import { useRouter } from "next/navigation";
import { useId } from "react";
import { useServerAction } from "@/components/action-client";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { TeamScope } from "@/lib/teams/shared";
import { leaveTeamAction } from "../actions";

/** `refusal`: why this member may not leave (the page decides it from the member list). */
export function LeaveTeam({ scope, teamName, refusal }: { scope: TeamScope; teamName: string; refusal?: string }) {
  const router = useRouter();
  const { pending, run } = useServerAction();
  const reasonId = useId();
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <ConfirmButton
        variant="secondary"
        disabled={!!refusal}
        aria-describedby={refusal ? reasonId : undefined}
        title={`Leave ${teamName}?`}
        description="You lose access at once. To come back, someone has to invite you again."
        confirmLabel="Leave team"
        pending={pending}
        onConfirm={(close) =>
          run(() => leaveTeamAction(scope), {
            success: `You left ${teamName}.`,
            onSuccess: () => router.push("/dashboard"),
            onError: close,
          })
        }
      >
        Leave team
      </ConfirmButton>
      {refusal && (
        <p id={reasonId} className="text-sm text-slate-700">
          {refusal}
        </p>
      )}
    </div>
  );
}
