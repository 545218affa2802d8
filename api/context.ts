// The Hono environment of the /v1 app: what the bearer middleware hands to the routes.
import type { HttpBindings } from "@hono/node-server";
import type { ApiPrincipal } from "@/lib/api-access";

export type ApiEnv = {
  /** The Node request and response (@hono/node-server): absent when the app is called without a server (app.request). */
  Bindings: Partial<HttpBindings>;
  Variables: {
    /** Set by the bearer middleware; absent on /v1/health and on refused requests. */
    principal: ApiPrincipal | undefined;
  };
};
