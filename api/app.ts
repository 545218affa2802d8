// The /v1 REST API as a Hono app. Mounted by server.ts (same process as the dashboard)
// or run alone by api/standalone.ts.
import { Hono } from "hono";
import { logError } from "@/lib/redact";
import { allowedMethodsOf } from "./allowed-methods";
import type { ApiEnv } from "./context";
import { apiError } from "./errors";
import { accessLog, loggablePath } from "./middleware/access-log";
import { bearerAuth } from "./middleware/bearer-auth";
import { limitBody } from "./middleware/body-limit";
import { health } from "./routes/health";
import { me } from "./routes/me";
import { publicRevoke } from "./routes/public-revoke";
import { secretScanning } from "./routes/secret-scanning";
import { shipments } from "./routes/shipments";

export { MAX_BODY_BYTES } from "./middleware/body-limit";

export function createApiApp() {
  const app = new Hono<ApiEnv>().basePath("/v1");
  app.use(accessLog);

  // The routes without a credential: liveness for load balancers; leak reports from GitHub's
  // secret scanning (signed by GitHub, verified first); a revoke by anyone who holds a token.
  app.route("/health", health);
  app.route("/secret-scanning", secretScanning);
  app.route("/credentials", publicRevoke);

  // Everything else under /v1 needs a credential, unknown paths and wrong methods included: an
  // unauthenticated probe learns nothing about which paths exist (401); an authenticated caller
  // gets 404 not_found or 405 method_not_allowed.
  app.use(bearerAuth);
  // Only where a body may come: bodyLimit reads request.body, which makes @hono/node-server build
  // a full WHATWG Request — measured at about a third of GET /v1/me's throughput. Registered per
  // method, so a GET does not even pass through it.
  app.on(["POST", "PUT", "PATCH", "DELETE", "OPTIONS"], "/*", limitBody);
  app.route("/me", me);
  app.route("/shipments", shipments);

  // No route for this method and path (only once authenticated, see above): a known path with
  // another method is 405 with Allow, anything else 404. Decided here rather than in a middleware
  // that every request would pass through.
  const allowedMethods = allowedMethodsOf(app);
  app.notFound((c) => {
    const methods = allowedMethods(c.req.path);
    if (methods.length === 0) return apiError(c, 404, "not_found", "No such endpoint.");
    return apiError(c, 405, "method_not_allowed", `Use ${methods.join(", ")} on this path.`, { headers: { Allow: methods.join(", ") } });
  });
  app.onError((err, c) => {
    // Name and message only, redacted: a stack, a query's parameters or request data could carry secrets.
    logError("api", `${c.req.method} ${loggablePath(c)} failed`, err);
    return apiError(c, 500, "internal_error", "Something went wrong on our side.");
  });
  return app;
}
