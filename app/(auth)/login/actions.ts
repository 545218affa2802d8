"use server";
// Sign-in: public by nature, so there is no team to authorize; the throttle and the password check
// live in lib/dashboard/auth-js.ts's authorize callback, which a direct POST to /api/auth reaches as well.
import { AuthError, CredentialsSignin } from "next-auth";
import { isDatabaseUnavailableError, signIn } from "@/lib/dashboard";
import { safeReturnPath } from "@/lib/dashboard";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/dashboard/shared";
import { ThrottledSignIn } from "@/lib/auth";
import { waitInWords } from "@/lib/platform";

export type SignInState = { email: string; message: string } | null;

// An exported action is a public endpoint: a POST can send any arguments (a text body decodes to plain
// values), so the form is checked before it is read; anything else gets an answer, not a 500.
export async function signInWithPassword(_prev: SignInState, formData: unknown): Promise<SignInState> {
  if (!(formData instanceof FormData)) return { email: "", message: "Enter your email and password in the form." };
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : ""; // a file in a text field counts as empty
  };
  const email = field("email");
  const password = field("password");
  try {
    await signIn("credentials", { email, password, redirectTo: safeReturnPath(formData.get("next")) });
    return null;
  } catch (err) {
    if (err instanceof CredentialsSignin && err.code === "throttled") {
      // Up to an hour when the email's budget across addresses holds (lib/auth/sign-in-throttle.ts).
      const wait = err instanceof ThrottledSignIn ? waitInWords(err.waitMs) : "15 minutes";
      return { email, message: `Too many failed sign-in attempts. Wait ${wait}, then try again.` };
    }
    if (err instanceof AuthError) return { email, message: "Wrong email or password." };
    // The database is down: said on the form, which keeps the email typed, rather than a whole outage page.
    if (isDatabaseUnavailableError(err)) return { email, message: DATABASE_UNAVAILABLE_MESSAGE };
    throw err; // the redirect after a successful sign-in
  }
}
