// Auth.js v5: email + password sign-in, sessions as signed JWT cookies holding only the user id.
// Membership and role are never in the session; lib/memberships.ts reads them per request.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { clientAddress } from "@/lib/client-address";
import { recordSignInFailure, recordSignInSuccess, signInBlockedFor } from "@/lib/sign-in-throttle";
import { normaliseEmail, verifyPassword } from "@/lib/users";

export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

const SignInInput = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(200) });

export const {
  handlers: { GET, POST },
  auth,
  signIn,
  signOut,
} = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = SignInInput.safeParse(raw);
        if (!parsed.success) return null;
        const email = normaliseEmail(parsed.data.email);
        const address = clientAddress(request.headers);
        // Checked here, not in the form's action: this callback is reachable by a direct POST too.
        if (signInBlockedFor(email, address) > 0) throw new ThrottledSignIn();
        const user = await verifyPassword(email, parsed.data.password);
        if (!user) {
          recordSignInFailure(email, address);
          return null;
        }
        recordSignInSuccess(email);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
