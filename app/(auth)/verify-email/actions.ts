"use server";
// "Send verification link": a signed-in person asks for a link to their own address (withUserAction:
// it acts on no team). From an invitation's page it names the invitation, joined once verified.
import { requestOrigin, withUserAction } from "@/lib/dashboard";
import { sendVerificationLink, SendVerificationLinkInput } from "@/lib/accounts";

export const sendVerificationLinkAction = withUserAction(SendVerificationLinkInput, async (input, { user }) =>
  sendVerificationLink(user, input, await requestOrigin()),
);
