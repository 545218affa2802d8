// GET /v1/health: readiness for load balancers. 200 while this instance can reach its database (a
// `select 1` answered within a second), else 503 with Retry-After, so that traffic goes where it can
// be served. GET /v1/health/live: liveness, 200 while the process runs whatever the database says, so
// that an orchestrator does not restart every instance because the database is down. Neither needs a
// credential or reveals anything.
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { pingDatabase } from "@/db";
import { databaseOutage } from "@/lib/platform";
import { databaseUnavailable } from "../errors";
import { json, PUBLIC, responses } from "../openapi";

/** How long the readiness check waits for the database: a load balancer's own timeout is often 2–5 s. */
export const READINESS_TIMEOUT_MS = 1_000;

const Ok = z.object({ status: z.literal("ok") });

const readiness = createRoute({
  method: "get",
  path: "/",
  tags: ["Service"],
  operationId: "getHealth",
  summary: "Readiness",
  description:
    "For load balancers: 200 while this instance can serve requests (its database answers within a second), " +
    "503 `service_unavailable` with `Retry-After` while it cannot. Needs no credential.",
  security: PUBLIC,
  responses: responses(
    { 200: { description: "The API can serve requests.", content: json(Ok) } },
    { 503: ["service_unavailable"] },
  ),
});

const liveness = createRoute({
  method: "get",
  path: "/live",
  tags: ["Service"],
  operationId: "getLiveness",
  summary: "Liveness",
  description:
    "200 while the process runs, whether or not its database answers: restart an instance only when this fails. " +
    "Needs no credential.",
  security: PUBLIC,
  responses: responses({ 200: { description: "The process is running.", content: json(Ok) } }),
});

export const health = new OpenAPIHono()
  .openapi(readiness, async (c) => {
    try {
      await pingDatabase(READINESS_TIMEOUT_MS);
    } catch (err) {
      databaseOutage().refused(err);
      return databaseUnavailable(c);
    }
    databaseOutage().answered();
    return c.json({ status: "ok" as const }, 200);
  })
  .openapi(liveness, (c) => c.json({ status: "ok" as const }, 200));
