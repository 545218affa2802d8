"use client";
// Any member may leave; the server keeps the last Owner from doing so.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useServerAction } from "@/components/action-client";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { leaveTeamAction } from "../actions";

export function LeaveTeam({ scope, teamName }: { scope: { team: string; environment: "test" | "live" }; teamName: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { pending, run } = useServerAction();
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Leave team
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Leave ${teamName}?`}
        description="You lose access at once. To come back, someone has to invite you again."
        confirmLabel="Leave team"
        pending={pending}
        onConfirm={() =>
          run(() => leaveTeamAction(scope), { success: `You left ${teamName}.`, onSuccess: () => router.push("/dashboard"), onError: () => setOpen(false) })
        }
      />
    </>
  );
}
