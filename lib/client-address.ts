// The caller's address. server.ts sets x-forwarded-for from the socket unless TRUST_PROXY is set,
// so a client cannot choose its own address to dodge throttling.
export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
