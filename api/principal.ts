// The authenticated caller inside a /v1 route (set by the bearer middleware).
import type { Context } from "hono";
import type { ApiPrincipal } from "@/lib/api-access";
import type { ApiEnv } from "./context";

export function principalOf(c: Context<ApiEnv>): ApiPrincipal {
  const principal = c.get("principal");
  // Routes are mounted behind the bearer middleware; reaching here without one is a wiring bug.
  if (!principal) throw new Error("route reached without an authenticated principal");
  return principal;
}
