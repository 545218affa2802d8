"use server";
// A mailed link's page is public: its token is the authorization (lib/accounts looks up its hash and
// uses it once, within 24 hours). Finishing a sign-up also asks for the password chosen with it, so a
// person who opens a link they did not ask for makes no account someone else knows the password of.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn, toActionError } from "@/lib/dashboard";
import { clientAddress, teamPath } from "@/lib/platform";
import { finishSignUp, FinishSignUpInput, linkRefusal, verifyEmail, VerifyEmailInput } from "@/lib/accounts";

export type FinishSignUpState = { message: string; fieldErrors?: { password?: string[] } } | null;
/** `verified`: done, and no team to go to (`invitationGone`: the invitation it was asked from is no longer valid). */
export type VerifyEmailState = { message: string; verified?: { invitationGone: boolean } } | null;

const landingOf = (teamSlug: string) => teamPath(teamSlug, "test");

// Exported actions are public endpoints: a POST can send any arguments, so each checks it was given a form.
export async function finishSignUpAction(_prev: FinishSignUpState, formData: unknown): Promise<FinishSignUpState> {
  if (!(formData instanceof FormData)) return { message: linkRefusal("invalid") };
  const parsed = FinishSignUpInput.safeParse({ token: formData.get("token"), password: formData.get("password") });
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    if (fieldErrors.token) return { message: linkRefusal("invalid") };
    return { message: "Check the highlighted fields.", fieldErrors };
  }
  let account: Awaited<ReturnType<typeof finishSignUp>>;
  try {
    account = await finishSignUp(parsed.data.token, parsed.data.password, clientAddress(await headers()));
  } catch (err) {
    const { message, fieldErrors } = toActionError(err);
    return { message, fieldErrors };
  }
  // Signed in through the same Auth.js path as the sign-in form, with the password just checked.
  await signIn("credentials", {
    email: account.email,
    password: parsed.data.password,
    redirectTo: landingOf(account.team.slug),
  });
  return null;
}

export async function verifyEmailAction(_prev: VerifyEmailState, formData: unknown): Promise<VerifyEmailState> {
  if (!(formData instanceof FormData)) return { message: linkRefusal("invalid") };
  const parsed = VerifyEmailInput.safeParse({ token: formData.get("token") });
  if (!parsed.success) return { message: linkRefusal("invalid") };
  let verified: Awaited<ReturnType<typeof verifyEmail>>;
  try {
    verified = await verifyEmail(parsed.data.token);
  } catch (err) {
    return { message: toActionError(err).message };
  }
  // Into the team it joined (which asks to sign in when this browser is not); else the page says it is done.
  if (verified.team) redirect(landingOf(verified.team.slug));
  return { message: "", verified: { invitationGone: verified.invitationGone } };
}
