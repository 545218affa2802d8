// The API origin shown in code snippets: API_BASE_URL as configured (configuredApiOrigin), or, when
// unset, the origin this request came to.
import "server-only";
import { headers } from "next/headers";
import { configuredApiOrigin } from "@/lib/platform";

export async function snippetApiOrigin(): Promise<string> {
  const configured = configuredApiOrigin();
  if (configured) return configured;
  const h = await headers();
  const forwardedProto = h.get("x-forwarded-proto");
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : "http";
  return `${proto}://${h.get("host") ?? "localhost:3000"}`;
}
