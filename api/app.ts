// The /v1 REST API as a Hono app. Mounted by server.ts (same process as the dashboard)
// or run alone by api/standalone.ts.
import { OpenAPIHono } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import { databaseOutage, isDatabaseUnavailable, logError } from "@/lib/platform";
import { allowedMethodsOf } from "./allowed-methods";
import type { ApiEnv } from "./context";
import { apiError, databaseUnavailable, invalidRequest } from "./errors";
import { accessLog, loggablePath } from "./middleware/access-log";
import { bearerAuth } from "./middleware/bearer-auth";
import { limitBody } from "./middleware/body-limit";
import { apiDocument, SECURITY_SCHEME } from "./openapi";
import { health } from "./routes/health";
import { me } from "./routes/me";
import { publicRevoke } from "./routes/public-revoke";
import { reference } from "./routes/reference";
import { secretScanning } from "./routes/secret-scanning";
import { shipments } from "./routes/shipments";

export { MAX_BODY_BYTES } from "./middleware/body-limit";

export function createApiApp() {
  // Each route validates its input with the zod schemas it declares (which the OpenAPI document is
  // generated from); a refusal is the API's own 400, naming each bad field.
  const app = new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => (result.success ? undefined : invalidRequest(c, result.error)),
  }).basePath("/v1");
  app.openAPIRegistry.registerComponent("securitySchemes", "credential", SECURITY_SCHEME);
  app.use(accessLog);

  // The routes without a credential: readiness and liveness for load balancers; this API's description and
  // reference; leak reports from GitHub's secret scanning (signed by GitHub, verified first); a
  // revoke by anyone who holds a token.
  app.route("/health", health);
  app.route(
    "/",
    reference((serverUrl) => apiDocument(app, serverUrl)),
  );
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
    return apiError(c, 405, "method_not_allowed", `Use ${methods.join(", ")} on this path.`, {
      headers: { Allow: methods.join(", ") },
    });
  });
  app.onError((err, c) => {
    // Thrown by the validators before a handler runs: a body that is not JSON, or not sent as JSON.
    if (err instanceof HTTPException && err.status === 400)
      return apiError(c, 400, "invalid_request", "The request body must be JSON.");
    if (err instanceof HTTPException && err.status === 415)
      return apiError(c, 415, "unsupported_media_type", "Send the body as application/json.");
    // The database cannot be reached (the credential lookup included): 503 with Retry-After, and one
    // line in the log per outage rather than one per request (lib/platform/outage.ts).
    if (isDatabaseUnavailable(err)) {
      databaseOutage().refused(err);
      return databaseUnavailable(c);
    }
    // Name and message only, redacted: a stack, a query's parameters or request data could carry secrets.
    logError("api", `${c.req.method} ${loggablePath(c)} failed`, err);
    return apiError(c, 500, "internal_error", "Something went wrong on our side.");
  });
  return app;
}
