// POST /v1/credentials/revoke {"token": "pk_…"}: anyone who finds a token may revoke it, without
// a credential (GitHub offers the same for its tokens). The answer is the same whatever the token
// was, so it tells a guesser nothing; each call spends the address's failed-credential budget.
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { revokeByPublicReport } from "@/lib/credentials";
import type { ApiEnv } from "../context";
import { apiError } from "../errors";
import { spendAddressBudget } from "../middleware/address-budget";
import { limitBody } from "../middleware/body-limit";
import { BODY_ERRORS, json, PUBLIC, responses } from "../openapi";

const TOKEN_MESSAGE = 'Send the token as {"token": "pk_…"}.';
const PublicRevoke = z.object({
  token: z.string({ error: TOKEN_MESSAGE }).max(1024).meta({ description: "The token you found." }),
});

/** Before the body is read: a guesser pays for every call, valid or not. */
const spendBudget = spendAddressBudget(
  "api credentials per address",
  "Too many requests from this address. Try again later.",
);

const route = createRoute({
  method: "post",
  path: "/revoke",
  tags: ["Credentials"],
  operationId: "revokeFoundToken",
  summary: "Revoke a token you found",
  description:
    "No credential needed. The answer is the same for an active, revoked, deleted, unknown or malformed token; an active " +
    "credential is revoked. Each call counts against the client address's budget for refused credentials.",
  security: PUBLIC,
  middleware: [spendBudget, limitBody] as const,
  request: { body: { required: true, content: json(PublicRevoke) } },
  responses: responses(
    { 202: { description: "Received.", content: json(z.object({ status: z.literal("received") })) } },
    { ...BODY_ERRORS, 429: ["rate_limited"], 500: ["internal_error"], 503: ["service_unavailable"] },
  ),
});

export const publicRevoke = new OpenAPIHono<ApiEnv>().openapi(
  route,
  async (c) => {
    await revokeByPublicReport(c.req.valid("json").token.trim());
    return c.json({ status: "received" as const }, 202);
  },
  (result, c) =>
    result.success
      ? undefined
      : apiError(c, 400, "invalid_request", TOKEN_MESSAGE, { fields: { token: TOKEN_MESSAGE } }),
);
