"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import { NewPasswordField } from "../../_components/new-password-field";
import { acceptAsNewUserAction, joinTeamAction } from "./actions";

export function JoinTeamForm({ token, teamName }: { token: string; teamName: string }) {
  const [state, formAction, pending] = useActionState(joinTeamAction, null);
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormError message={state?.message} />
      <Button type="submit" pending={pending} className="w-full">
        {pending ? "Joining…" : `Join ${teamName}`}
      </Button>
    </form>
  );
}

export function NewAccountForm({ token, email, teamName }: { token: string; email: string; teamName: string }) {
  const [state, formAction, pending] = useActionState(acceptAsNewUserAction, null);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <TextField label="Email" value={email} readOnly aria-readonly className="bg-slate-50 text-slate-600" />
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        required
        defaultValue={state?.name}
        errors={state?.fieldErrors?.name}
        autoFocus
      />
      <NewPasswordField errors={state?.fieldErrors?.password} />
      <FormError message={state?.message} />
      <Button type="submit" pending={pending} className="w-full">
        {pending ? "Joining…" : `Join ${teamName}`}
      </Button>
    </form>
  );
}
