// The origin this request came to (http(s)://host), for links in mail when APP_URL is unset
// (lib/platform/mail.ts `mailLinkOrigin` decides, and says why APP_URL should be set).
import "server-only";
import { headers } from "next/headers";

export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const forwardedProto = h.get("x-forwarded-proto");
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : "http";
  return `${proto}://${h.get("host") ?? "localhost:3000"}`;
}
