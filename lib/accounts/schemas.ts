// Input of the sign-up link's page and of "Send verification link".
import { z } from "zod";
import { InvitationToken } from "@/lib/members";

/** 32 random bytes, base64url: 43 characters. */
export const LinkToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This link is not valid.");

export const FinishSignUpInput = z.object({
  token: LinkToken,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200, "Wrong password."),
});

export const VerifyEmailInput = z.object({ token: LinkToken });

/** From an invitation's page, the invitation to join once verified. */
export const SendVerificationLinkInput = z.object({ invitation: InvitationToken.optional() });
