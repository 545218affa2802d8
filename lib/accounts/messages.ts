// What a link's page and its form say when the link cannot be used, one sentence per case.
import type { LinkKind, LinkView } from "./links";
import { INVITATION_INVALID } from "@/lib/members";

export function linkRefusal(state: Exclude<LinkView["state"], "open">, kind?: LinkKind): string {
  switch (state) {
    case "used":
      return "This link was already used. Sign in with your email address and password.";
    case "expired":
      return kind === "verify"
        ? "This link has expired: links work for 24 hours. Sign in and send a new one."
        : "This link has expired: links work for 24 hours. Sign up again to get a new one.";
    case "invitation_invalid":
      return INVITATION_INVALID;
    case "invalid":
      return "This link is not valid. If you asked more than once, use the link in the newest message.";
  }
}
