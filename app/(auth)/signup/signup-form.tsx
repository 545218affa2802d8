"use client";
import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import { NewPasswordField } from "../_components/new-password-field";
import { signUp } from "./actions";

export function SignUpForm() {
  const [state, formAction, pending] = useActionState(signUp, null);
  if (state?.sentTo) return <CheckYourEmail email={state.sentTo} />;
  return (
    <>
      <h1 className="text-center text-xl font-semibold">Create your eCourier account</h1>
      <p className="text-center text-sm text-slate-600">You get a team of your own to manage API credentials in.</p>
      <form action={formAction} className="space-y-4" noValidate>
        <TextField
          label="Name"
          name="name"
          autoComplete="name"
          required
          defaultValue={state?.values.name}
          errors={state?.fieldErrors?.name}
        />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state?.values.email}
          errors={state?.fieldErrors?.email}
        />
        <NewPasswordField errors={state?.fieldErrors?.password} />
        <FormError message={state?.message} />
        <Button type="submit" pending={pending} className="w-full">
          {pending ? "Creating your account…" : "Create account"}
        </Button>
        <p className="text-center text-sm text-slate-600">
          Already have an account?{" "}
          <Link href="/login" className="font-medium text-indigo-700 underline">
            Sign in
          </Link>
        </p>
      </form>
    </>
  );
}

/**
 * The one answer to every sign-up, whether the address is new or already has an account: only the
 * mailbox learns which. Focus moves to the heading so that a screen reader reads the answer.
 */
function CheckYourEmail({ email }: { email: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="space-y-4 text-center">
      <h1 ref={heading} tabIndex={-1} className="text-xl font-semibold outline-none">
        Check your email
      </h1>
      <p className="text-sm text-slate-700">
        We sent a message to <span className="font-medium break-words text-slate-900">{email}</span>. Open the link in
        it within 24 hours to finish creating your account.
      </p>
      <p className="text-sm text-slate-600">
        No message after a few minutes? Look in your spam folder, or{" "}
        <a href="/signup" className="font-medium text-indigo-700 underline">
          sign up again
        </a>{" "}
        for a new link.
      </p>
      <p className="text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/login" className="font-medium text-indigo-700 underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
