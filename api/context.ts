// The Hono environment of the /v1 app: what the bearer middleware hands to the routes.
import type { ApiPrincipal } from "@/lib/api-auth";

export type ApiEnv = {
  Variables: {
    /** Set by the bearer middleware; absent on /v1/health and on refused requests. */
    principal: ApiPrincipal | undefined;
  };
};
