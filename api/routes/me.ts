// GET /v1/me: which team, environment and credential the caller's token stands for.
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { environments } from "@/db/schema";
import type { ApiEnv } from "../context";
import { CREDENTIAL_ERRORS, CREDENTIAL_HEADERS, json, responses } from "../openapi";
import { principalOf } from "../principal";

const Named = z.object({ id: z.uuid(), name: z.string() });
const Me = z.object({ team: Named, environment: z.enum(environments), credential: Named }).meta({
  id: "Me",
  example: {
    team: { id: "4f0c2a8e-3b1d-4c5e-9f7a-1d2e3f4a5b6c", name: "Acme Logistics" },
    environment: "test",
    credential: { id: "9b1e7c3d-5a2f-4e6b-8c9d-0a1b2c3d4e5f", name: "ERP production" },
  },
});

const route = createRoute({
  method: "get",
  path: "/",
  tags: ["Credentials"],
  operationId: "getMe",
  summary: "Who is calling",
  description: "The team, environment and credential the token stands for: the first request to try with a new token.",
  responses: responses(
    { 200: { description: "The caller.", headers: CREDENTIAL_HEADERS, content: json(Me) } },
    CREDENTIAL_ERRORS,
  ),
});

export const me = new OpenAPIHono<ApiEnv>().openapi(route, (c) => {
  const { team, environment, credential } = principalOf(c);
  return c.json({ team, environment, credential }, 200);
});
