"use client";
// Any member may leave; the server keeps the last Owner from doing so.
import { useRouter } from "next/navigation";
import { useServerAction } from "@/components/action-client";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { TeamScope } from "@/lib/validation/team-scope";
import { leaveTeamAction } from "../actions";

export function LeaveTeam({ scope, teamName }: { scope: TeamScope; teamName: string }) {
  const router = useRouter();
  const { pending, run } = useServerAction();
  return (
    <ConfirmButton
      variant="secondary"
      title={`Leave ${teamName}?`}
      description="You lose access at once. To come back, someone has to invite you again."
      confirmLabel="Leave team"
      pending={pending}
      onConfirm={(close) => run(() => leaveTeamAction(scope), { success: `You left ${teamName}.`, onSuccess: () => router.push("/dashboard"), onError: close })}
    >
      Leave team
    </ConfirmButton>
  );
}
