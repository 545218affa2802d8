// An invitation link: join as the signed-in invitee, sign in first, or create an account and join.
import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/app/_components/sign-out-button";
import { VerifyEmailNotice } from "@/app/_components/verify-email-notice";
import { preparePasswordStrength } from "@/lib/auth";
import { findPendingInvitation } from "@/lib/members";
import { roleLabels } from "@/lib/platform/shared";
import { getCurrentUser } from "@/lib/dashboard";
import { InvitationToken } from "@/lib/members";
import { JoinTeamForm, NewAccountForm } from "./accept-forms";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = InvitationToken.safeParse(token).success ? await findPendingInvitation(token) : null;
  if (!invitation) {
    return (
      <>
        <h1 className="text-center text-xl font-semibold">This invitation is no longer valid</h1>
        <p className="text-center text-sm text-slate-600">
          It was already used, revoked, or it expired (links work for 7 days). Ask the team’s Owner or Admin for a new
          one.
        </p>
        <p className="text-center text-sm">
          <Link href="/dashboard" className="font-medium text-indigo-700 underline">
            Go to your dashboard
          </Link>
        </p>
      </>
    );
  }

  const { team, email, role } = invitation;
  const user = await getCurrentUser();
  const heading = (
    <div className="space-y-1 text-center">
      <h1 className="text-xl font-semibold">Join {team.name}</h1>
      <p className="text-sm text-slate-600">
        You are invited to join {team.name} as {roleLabels[role]}.
      </p>
    </div>
  );

  if (user && user.email === email && !user.emailVerified) {
    // Joining needs a verified address: the link mailed now joins the team as soon as it is opened.
    return (
      <>
        {heading}
        <VerifyEmailNotice invitation={token}>
          Verify your email address to join {team.name}: we send a link to{" "}
          <span className="font-medium break-words">{email}</span>, and opening it joins the team.
        </VerifyEmailNotice>
      </>
    );
  }
  if (user && user.email === email) {
    return (
      <>
        {heading}
        <JoinTeamForm token={token} teamName={team.name} />
      </>
    );
  }
  if (user) {
    return (
      <>
        {heading}
        <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          This invitation is for {email}, but you are signed in as {user.email}. Sign out to come back to this
          invitation.
        </p>
        <SignOutButton returnTo={`/invite/${token}`} />
      </>
    );
  }
  if (invitation.accountExists) {
    return (
      <>
        {heading}
        <p className="text-center text-sm text-slate-600">You already have an account with {email}.</p>
        <Link
          href={`/login?next=${encodeURIComponent(`/invite/${token}`)}`}
          className="block rounded-md bg-indigo-600 px-3 py-2 text-center text-sm font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          Sign in to join
        </Link>
      </>
    );
  }
  preparePasswordStrength(); // its dictionaries load while the person types
  return (
    <>
      {heading}
      <p className="text-center text-sm text-slate-600">
        Choose your name and a password. We then mail {email} a link that creates your account.
      </p>
      <NewAccountForm token={token} email={email} teamName={team.name} />
    </>
  );
}
