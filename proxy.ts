// Next 16 proxy: a convenience only. It tells dashboard pages which path was asked for, so a
// signed-out visitor can be sent back there after signing in. Protection lives in lib/, per request.
import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-return-to", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/dashboard/:path*"] };
