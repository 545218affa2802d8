"use client";
import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import { NewPasswordField } from "../_components/new-password-field";
import { signUp } from "./actions";

export function SignUpForm() {
  const [state, formAction, pending] = useActionState(signUp, null);
  return (
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
  );
}
