"use server";
// Accepting an invitation is public: the invitee is not a member of the team yet, so there is no
// membership to check. The token is the authorization: lib/members looks up its
// hash and accepts it only while pending (not used, not revoked, not expired), in a transaction
// with the row locked; joining as a signed-in user also needs the session's email to be the invited
// one, and verified. A new person gets no account here: lib/accounts mails the invited address a link
// that makes the account and joins (docs/decisions/016).
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requestOrigin, toActionError } from "@/lib/dashboard";
import { clientAddress } from "@/lib/platform";
import { acceptInvitation, INVITATION_INVALID } from "@/lib/members";
import { requestInvitationSignUp } from "@/lib/accounts";
import { teamPath } from "@/lib/platform/shared";
import { getCurrentUser } from "@/lib/dashboard";
import { spendAttempt } from "@/lib/platform";
import { AcceptAsNewUserInput, InvitationToken } from "@/lib/members";

export type AcceptState = {
  message: string;
  fieldErrors?: Partial<Record<"name" | "password", string[]>>;
  name?: string;
  /** A new person's request was taken: the page says "Check your email". */
  sentTo?: string;
} | null;

const landingOf = (teamSlug: string) => teamPath(teamSlug, "test");

/** Every acceptance, with or without a session, spends from the client address's budget first. */
async function spendAcceptance() {
  await spendAttempt(
    "invitation per address",
    clientAddress(await headers()),
    (wait) => `Too many attempts from your network. Try again in ${wait}.`,
  );
}

// Exported actions are public endpoints: a POST can send any arguments (a text body decodes to plain
// values), so each checks it was given a form before reading it; anything else is an invalid invitation.
export async function joinTeamAction(_prev: AcceptState, formData: unknown): Promise<AcceptState> {
  if (!(formData instanceof FormData)) return { message: INVITATION_INVALID };
  const user = await getCurrentUser();
  if (!user) return { message: "Your session has ended. Sign in again, then open the link." };
  const token = InvitationToken.safeParse(formData.get("token"));
  if (!token.success) return { message: INVITATION_INVALID };
  let teamSlug: string;
  try {
    await spendAcceptance();
    teamSlug = (await acceptInvitation({ userId: user.id }, token.data)).slug;
  } catch (err) {
    return { message: toActionError(err).message }; // an unexpected failure is logged redacted, not rethrown
  }
  redirect(landingOf(teamSlug));
}

export async function acceptAsNewUserAction(_prev: AcceptState, formData: unknown): Promise<AcceptState> {
  if (!(formData instanceof FormData)) return { message: INVITATION_INVALID };
  const raw = {
    token: formData.get("token"),
    name: String(formData.get("name") ?? ""),
    password: String(formData.get("password") ?? ""),
  };
  const parsed = AcceptAsNewUserInput.safeParse(raw);
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    if (fieldErrors.token) return { message: INVITATION_INVALID };
    return { message: "Check the highlighted fields.", fieldErrors, name: raw.name };
  }
  try {
    await spendAcceptance();
    const invitation = await requestInvitationSignUp(
      parsed.data.token,
      { name: parsed.data.name, password: parsed.data.password },
      await requestOrigin(),
    );
    return { message: "", sentTo: invitation.email };
  } catch (err) {
    const { message, fieldErrors } = toActionError(err);
    return { message, fieldErrors, name: raw.name };
  }
}
