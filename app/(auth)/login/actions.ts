"use server";
// Sign-in: public by nature, so there is no team to authorize; the throttle and the password check
// live in lib/dashboard/auth-js.ts's authorize callback, which a direct POST to /api/auth reaches as well.
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/dashboard";
import { safeReturnPath } from "@/lib/dashboard";

export type SignInState = { email: string; message: string } | null;

export async function signInWithPassword(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "");
  const password = String(formData.get("password") ?? "");
  try {
    await signIn("credentials", { email, password, redirectTo: safeReturnPath(formData.get("next")) });
    return null;
  } catch (err) {
    if (err instanceof CredentialsSignin && err.code === "throttled") {
      return { email, message: "Too many failed sign-in attempts. Wait 15 minutes, then try again." };
    }
    if (err instanceof AuthError) return { email, message: "Wrong email or password." };
    throw err; // the redirect after a successful sign-in
  }
}
