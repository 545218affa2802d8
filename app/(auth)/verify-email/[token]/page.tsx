// A link mailed to prove an address (lib/accounts): a sign-up's, which makes the account once the
// password chosen with it is typed again, or an existing account's "Verify your email". Opening the
// page changes nothing; its form does.
import type { Metadata } from "next";
import Link from "next/link";
import { findLink, LinkToken, linkRefusal, type LinkView } from "@/lib/accounts";
import { FinishSignUpForm, VerifyEmailForm } from "./verify-forms";

export const metadata: Metadata = { title: "Verify your email", referrer: "no-referrer" };

const linkClass = "font-medium text-indigo-700 underline";

export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view: LinkView = LinkToken.safeParse(token).success ? await findLink(token) : { state: "invalid" };

  if (view.state !== "open") {
    const signUpAgain = view.kind !== "verify" && view.state !== "used";
    return (
      <>
        <h1 className="text-center text-xl font-semibold">
          {view.state === "used" ? "This link was already used" : "This link cannot be used"}
        </h1>
        <p className="text-center text-sm text-slate-600">{linkRefusal(view.state, view.kind)}</p>
        <p className="text-center text-sm">
          <Link href="/login" className={linkClass}>
            Sign in
          </Link>
          {signUpAgain ? (
            <>
              {" · "}
              <Link href="/signup" className={linkClass}>
                Sign up
              </Link>
            </>
          ) : null}
        </p>
      </>
    );
  }

  const { kind, email, team } = view;
  if (kind === "sign_up") {
    return (
      <>
        <div className="space-y-1 text-center">
          <h1 className="text-xl font-semibold">{team ? `Join ${team.name}` : "Finish creating your account"}</h1>
          <p className="text-sm text-slate-600">
            Enter the password you chose for <span className="font-medium break-words text-slate-900">{email}</span>.
            Your account is made then{team ? `, in ${team.name}` : ""}.
          </p>
        </div>
        <FinishSignUpForm token={token} email={email} submitLabel={team ? `Join ${team.name}` : "Create account"} />
      </>
    );
  }
  return (
    <>
      <div className="space-y-1 text-center">
        <h1 className="text-xl font-semibold">Verify your email</h1>
        <p className="text-sm text-slate-600">
          Confirm that <span className="font-medium break-words text-slate-900">{email}</span> is yours
          {team ? ` and join ${team.name}` : ""}.
        </p>
      </div>
      <VerifyEmailForm token={token} submitLabel={team ? `Verify and join ${team.name}` : "Verify email address"} />
    </>
  );
}
