"use client";
import { useActionState, useEffect, useRef } from "react";
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
  if (state?.sentTo) return <CheckYourEmail email={state.sentTo} teamName={teamName} />;
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
      <NewPasswordField errors={state?.fieldErrors?.password} email={email} />
      <FormError message={state?.message} />
      <Button type="submit" pending={pending} className="w-full">
        {pending ? "Joining…" : `Join ${teamName}`}
      </Button>
    </form>
  );
}

/** The invited address gets the link that creates the account and joins: whoever holds this page's link cannot prove that address. */
function CheckYourEmail({ email, teamName }: { email: string; teamName: string }) {
  const message = useRef<HTMLParagraphElement>(null);
  useEffect(() => message.current?.focus(), []);
  return (
    <div className="space-y-3 text-center">
      <p ref={message} tabIndex={-1} className="text-lg font-semibold outline-none">
        Check your email
      </p>
      <p className="text-sm text-slate-700">
        We sent a link to <span className="font-medium break-words text-slate-900">{email}</span>. Open it within 24
        hours and enter your password again to create your account and join {teamName}.
      </p>
    </div>
  );
}
