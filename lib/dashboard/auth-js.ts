// Auth.js v5: email + password sign-in. The session cookie is a signed JWT holding the user id and the
// id of a `sessions` row (lib/auth/sessions.ts): the row, not the cookie, decides whether the session is
// alive, so signing out ends it on the server. Membership and role are never in the session;
// lib/teams/access.ts reads them per request.
import { cookies } from "next/headers";
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import Credentials from "next-auth/providers/credentials";
import { endSession, SESSION_MAX_AGE_SECONDS, startSession } from "@/lib/auth";
import { authorizeSignIn, DEVICE_COOKIE, deviceCookieOptions, logAuthError } from "@/lib/auth";
import { AUTH_PAGES_HEADERS, databaseOutage, isDatabaseUnavailable, publicUrlIsHttps } from "@/lib/platform";
import { DatabaseUnavailableError, isDatabaseUnavailableError } from "./outage";

declare module "next-auth" {
  interface Session {
    /** The `sessions` row this cookie names (lib/dashboard/current-user.ts looks it up with the user). */
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}

/**
 * After a correct password: the browser's device cookie (lib/auth/devices.ts), so its later sign-ins
 * for this email are not held back by failures from elsewhere. Set through Next's cookie store, which
 * both entry points answer with: the sign-in form's server action and the route handler of a direct
 * POST to /api/auth/callback/credentials. Secure when the request or the public URL is https.
 */
async function rememberThisBrowser(value: string, request: Request): Promise<void> {
  const secure = new URL(request.url).protocol === "https:" || publicUrlIsHttps();
  (await cookies()).set(DEVICE_COOKIE, value, deviceCookieOptions(secure));
}

const authJs = NextAuth({
  trustHost: true,
  // Secure cookies (and their __Secure-/__Host- names) whenever the public URL is https, not only when a
  // request's X-Forwarded-Proto says so: a proxy that leaves it out would get cookies sent over http too.
  // A getter: Auth.js reads it per request, and the configuration is read when asked (lib/platform/config.ts).
  get useSecureCookies() {
    return publicUrlIsHttps();
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  // An unreachable database is the outage's to log, once (lib/platform/outage.ts): here it is counted.
  logger: { error: (error) => (isDatabaseUnavailable(error) ? databaseOutage().refused(error) : logAuthError(error)) },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const signedIn = await authorizeSignIn(raw, request.headers);
        if (!signedIn) return null;
        await rememberThisBrowser(signedIn.deviceCookie, request);
        return signedIn.user;
      },
    }),
  ],
  callbacks: {
    // `user` is present only at sign-in: that is when a session row is made.
    async jwt({ token, user }) {
      if (user?.id) token.sid = await startSession(user.id);
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (token.sid) session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    // Both the sign-out button and a direct POST to /api/auth/signout come through here.
    async signOut(message) {
      if ("token" in message && message.token?.sid) await endSession(message.token.sid);
    },
  },
});

export const { auth, signIn: nextAuthSignIn, signOut } = authJs;

type RouteHandler = (request: NextRequest) => Promise<Response>;

/**
 * Auth.js's route handler with the headers of its own pages (/api/auth/error, /api/auth/signout…):
 * proxy.ts does not run for /api/*, so they get their Content-Security-Policy and framing refusal here.
 */
function withPageHeaders(handler: RouteHandler): RouteHandler {
  return async (request) => {
    const response = await handler(request);
    // Copied into a new response: a redirect made by Response.redirect has immutable headers.
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(AUTH_PAGES_HEADERS)) headers.set(name, value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

export const GET = withPageHeaders(authJs.handlers.GET);
export const POST = withPageHeaders(authJs.handlers.POST);

/**
 * Auth.js's signIn, for the login form's action. Auth.js wraps any error of the password check (or of
 * the session row's insert) in one of its own, which the form would show as "Wrong email or
 * password."; an unreachable database becomes the outage page's error instead (counted by the logger
 * above).
 */
export const signIn: typeof nextAuthSignIn = async (...args: Parameters<typeof nextAuthSignIn>) => {
  try {
    return await nextAuthSignIn(...args);
  } catch (err) {
    throw isDatabaseUnavailable(err) && !isDatabaseUnavailableError(err) ? new DatabaseUnavailableError() : err;
  }
};
