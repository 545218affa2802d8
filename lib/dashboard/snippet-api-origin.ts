// The API origin shown in code snippets: API_BASE_URL, or the origin this request came to.
import "server-only";
import { headers } from "next/headers";
import { configuredApiBaseUrl } from "@/lib/platform";

export async function apiBaseUrl(): Promise<string> {
  const configured = configuredApiBaseUrl();
  if (configured) return configured;
  const h = await headers();
  const forwardedProto = h.get("x-forwarded-proto");
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : "http";
  return `${proto}://${h.get("host") ?? "localhost:3000"}`;
}
