// GET /v1/health: liveness for load balancers; needs no credential and reveals nothing.
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { json, PUBLIC, responses } from "../openapi";

const route = createRoute({
  method: "get",
  path: "/",
  tags: ["Service"],
  operationId: "getHealth",
  summary: "Liveness",
  description: "For load balancers. Needs no credential.",
  security: PUBLIC,
  responses: responses({
    200: { description: "The API is up.", content: json(z.object({ status: z.literal("ok") })) },
  }),
});

export const health = new OpenAPIHono().openapi(route, (c) => c.json({ status: "ok" as const }, 200));
