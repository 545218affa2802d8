// The /v1 REST API as a Hono app. Mounted by server.ts (same process as the dashboard)
// or run alone by api/standalone.ts.
import { Hono } from "hono";
import { apiError } from "./errors";
import { health } from "./routes/health";

export function createApiApp() {
  const app = new Hono().basePath("/v1");
  app.route("/health", health);
  app.notFound((c) => apiError(c, 404, "not_found", "No such endpoint."));
  app.onError((err, c) => {
    // Log the error's name and message only: a stack or request data could carry secrets.
    console.error(`[api] ${c.req.method} ${c.req.path} failed: ${err.name}: ${err.message}`);
    return apiError(c, 500, "internal_error", "Something went wrong on our side.");
  });
  return app;
}
