// Next 16 proxy, for every page (not static files or /api): a Content-Security-Policy with a fresh
// nonce — on the request, where Next.js reads it to put the nonce on its scripts, and on the response.
// It also tells pages which path was asked for, so a signed-out visitor can be sent back there after
// signing in: a convenience only. Protection lives in lib/, per request.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/platform/shared";

export function proxy(request: NextRequest) {
  // NODE_ENV read here, not through lib/platform/config.ts (the one exception, allowed by
  // lib/platform/config.test.ts): Next.js replaces it with a constant when it builds the proxy, and
  // config's face would bring the server's modules (database, throttles, Redis) into this bundle.
  const policy = contentSecurityPolicy(newNonce(), process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  headers.set("x-return-to", request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// Static assets (hashed, cached, not HTML) and the Auth.js endpoints skip the proxy altogether.
export const config = { matcher: ["/((?!_next/static|_next/image|api/|favicon.ico).*)"] };
