// Auth.js v5: email + password sign-in, sessions as signed JWT cookies holding only the user id.
// Membership and role are never in the session; lib/memberships.ts reads them per request.
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authorizeSignIn, logAuthError } from "@/lib/sign-in";

export const {
  handlers: { GET, POST },
  auth,
  signIn,
  signOut,
} = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
  pages: { signIn: "/login" },
  logger: { error: logAuthError },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      authorize: (raw, request) => authorizeSignIn(raw, request.headers),
    }),
  ],
  callbacks: {
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
