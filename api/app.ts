// The /v1 REST API as a Hono app. Mounted by server.ts (same process as the dashboard)
// or run alone by api/standalone.ts.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { methodNotAllowed } from "hono/method-not-allowed";
import { logError } from "@/lib/redact";
import type { ApiEnv } from "./context";
import { apiError } from "./errors";
import { accessLog, loggablePath } from "./middleware/access-log";
import { bearerAuth } from "./middleware/bearer-auth";
import { health } from "./routes/health";
import { me } from "./routes/me";
import { shipments } from "./routes/shipments";

export const MAX_BODY_BYTES = 1024 * 1024;

export function createApiApp() {
  const app = new Hono<ApiEnv>().basePath("/v1");
  app.use(accessLog);
  // A known path with another method: 405 with Allow (only once authenticated, see below).
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        apiError(c, 405, "method_not_allowed", `Use ${methods.join(", ")} on this path.`, { headers: { Allow: methods.join(", ") } }),
    }),
  );

  // Liveness for load balancers: the one /v1 route without a credential.
  app.route("/health", health);

  // Everything else under /v1 needs a credential, unknown paths and wrong methods included: an
  // unauthenticated probe learns nothing about which paths exist (401); an authenticated caller
  // gets 404 not_found or 405 method_not_allowed.
  app.use(bearerAuth);
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    // Connection: close, so the client does not reuse a connection whose body was left unread.
    onError: (c) => apiError(c, 413, "payload_too_large", "The request body is larger than 1 MB.", { headers: { Connection: "close" } }),
  });
  // Only where a body may come: bodyLimit reads request.body, which makes @hono/node-server build
  // a full WHATWG Request — measured at about a third of GET /v1/me's throughput.
  app.use((c, next) => (c.req.method === "GET" || c.req.method === "HEAD" ? next() : limitBody(c, next)));
  app.route("/me", me);
  app.route("/shipments", shipments);

  app.notFound((c) => apiError(c, 404, "not_found", "No such endpoint."));
  app.onError((err, c) => {
    // Name and message only, redacted: a stack, a query's parameters or request data could carry secrets.
    logError("api", `${c.req.method} ${loggablePath(c)} failed`, err);
    return apiError(c, 500, "internal_error", "Something went wrong on our side.");
  });
  return app;
}
