"use server";
// Sign-up is public: there is no team to authorize yet. It creates the user and a first team
// they own, then signs them in through the same Auth.js path as the login form.
import { headers } from "next/headers";
import { z } from "zod";
import { signIn } from "@/lib/dashboard";
import { toActionError } from "@/lib/dashboard";
import { clientAddress } from "@/lib/platform";
import { spendAttempt } from "@/lib/platform";
import { createAccount } from "@/lib/teams";
import { SignUpInput } from "@/lib/auth";

export type SignUpState = {
  values: { name: string; email: string };
  message?: string;
  fieldErrors?: Partial<Record<"name" | "email" | "password", string[]>>;
} | null;

const FORM_NEEDED = "Enter your name, email and a password in the form.";

// An exported action is a public endpoint: a POST can send any arguments, so the form is checked first.
export async function signUp(_prev: SignUpState, formData: unknown): Promise<SignUpState> {
  if (!(formData instanceof FormData)) return { values: { name: "", email: "" }, message: FORM_NEEDED };
  const raw = {
    name: String(formData.get("name") ?? ""),
    email: String(formData.get("email") ?? ""),
    password: String(formData.get("password") ?? ""),
  };
  const values = { name: raw.name, email: raw.email };
  const parsed = SignUpInput.safeParse(raw);
  if (!parsed.success)
    return { values, message: "Check the highlighted fields.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    // Before any bcrypt work or email lookup: sign-up would otherwise be a free oracle for which emails exist.
    await spendAttempt(
      "sign-up per address",
      clientAddress(await headers()),
      (wait) => `Too many sign-ups from your network. Try again in ${wait}.`,
    );
    await createAccount(parsed.data);
  } catch (err) {
    // Said once: at the field it concerns when there is one (announced there), else for the form.
    // An unexpected failure is logged redacted, never rethrown with its query's parameters.
    const { message, fieldErrors } = toActionError(err);
    return fieldErrors ? { values, fieldErrors } : { values, message };
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/dashboard" });
  return null;
}
