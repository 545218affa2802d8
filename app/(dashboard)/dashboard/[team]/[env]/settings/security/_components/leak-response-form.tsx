"use client";
// "When a token of this team is found in public": Owners and Admins choose and save; everyone else
// sees the choice, disabled, and who may change it (the server refuses them all the same).
import { useId, useState } from "react";
import { useServerAction } from "@/components/action-client";
import { Button } from "@/components/ui/button";
import { RadioGroup } from "@/components/ui/radio-group";
import { rolesWith } from "@/lib/teams/shared";
import { leakResponseLabels, leakResponses, roleLabels, type LeakResponse } from "@/lib/platform/shared";
import type { TeamScope } from "@/lib/teams/shared";
import { setLeakResponseAction } from "../actions";

const options = leakResponses.map((value) => ({ value, label: leakResponseLabels[value] }));
// "Only Owners and Admins can change this.", from the permission table.
const managers = rolesWith("settings:manage").map((role) => `${roleLabels[role]}s`);
const onlyManagers = `Only ${managers.slice(0, -1).join(", ")}${managers.length > 1 ? " and " : ""}${managers.at(-1)} can change this.`;

const consequence: Record<LeakResponse, string> = {
  revoke:
    "Its credential is revoked at once, so API calls with it are refused. The credentials page and the activity log say where it was found.",
  notify:
    "Its credential keeps working until someone rolls or revokes it. The credentials page shows a banner and the activity log records where it was found.",
};

type Props = { scope: TeamScope; teamName: string; value: LeakResponse; canManage: boolean };

export function LeakResponseForm({ scope, teamName, value, canManage }: Props) {
  const [choice, setChoice] = useState(value);
  const { pending, run } = useServerAction();
  const explanation = useId();
  const reason = useId();
  const save = () =>
    run(() => setLeakResponseAction({ ...scope, leakResponse: choice }), {
      success:
        choice === "revoke"
          ? `Saved. ${teamName}’s tokens found in public are revoked.`
          : `Saved. ${teamName}’s tokens found in public keep working.`,
    });

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <RadioGroup
        label="When a token of this team is found in public"
        name="leak-response"
        options={options}
        value={choice}
        onChange={setChoice}
        disabled={!canManage || pending}
        describedBy={canManage ? explanation : `${explanation} ${reason}`}
      />
      <p id={explanation} className="text-sm text-slate-600">
        {consequence[choice]}
      </p>
      {canManage ? (
        <Button type="submit" pending={pending} pendingLabel="Saving…">
          Save
        </Button>
      ) : (
        <p id={reason} className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
          {onlyManagers}
        </p>
      )}
    </form>
  );
}
