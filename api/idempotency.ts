// The Idempotency-Key header of a /v1 POST, in HTTP terms: lib/platform/idempotency.ts decides, this answers.
import { createHash } from "node:crypto";
import type { Context } from "hono";
import { z } from "zod";
import type { Tx } from "@/db";
import { runIdempotently, type KeptResponse } from "@/lib/platform";
import { IdempotencyKey } from "@/lib/platform/shared";
import type { ApiEnv } from "./context";
import { apiError } from "./errors";
import { principalOf } from "./principal";

/** The request headers of an idempotent POST (lower case: Hono's header validator sees them so). */
export const IdempotencyHeaders = z.object({ "idempotency-key": IdempotencyKey.optional() });

export const IDEMPOTENT_REPLAYED_HEADER = "Idempotent-Replayed";

/** The extra responses of an idempotent POST, for its route's OpenAPI description. */
export const IDEMPOTENCY_ERRORS = {
  409: ["idempotency_key_in_use"],
  422: ["idempotency_key_reused"],
} as const;

export const REPLAY_HEADERS = {
  [IDEMPOTENT_REPLAYED_HEADER]: {
    schema: { type: "string" as const, enum: ["true"] },
    description: "Present on a replayed response: this is the first request's answer.",
  },
};

const JSON_TYPE = { "content-type": "application/json" };

/**
 * Answers with `respond`'s response. With an Idempotency-Key, once per key, method, path and body
 * (in the caller's team and environment): `respond` runs inside the transaction that keeps its response.
 */
export async function answerIdempotently(
  c: Context<ApiEnv>,
  key: string | undefined,
  respond: (tx?: Tx) => Promise<KeptResponse>,
): Promise<Response> {
  if (key === undefined) {
    const response = await respond();
    return c.body(response.body, response.status as 200, JSON_TYPE);
  }
  const { team, environment } = principalOf(c);
  // The body as parsed (the validator has read it): the same JSON is the same request, whatever its spacing.
  // Safe to serialize again: limitBody (middleware/body-limit.ts) refused anything nested more than 64
  // deep (JSON.stringify recurses; at about 5,000 levels it overflowed the stack: a 500). Kept over hashing
  // the raw text so that a key's hash is the one earlier versions kept: a retry across a deploy replays.
  const request = `${c.req.method} ${c.req.path}\n${JSON.stringify(await c.req.json())}`;
  const outcome = await runIdempotently(
    { teamId: team.id, environment },
    key,
    createHash("sha256").update(request).digest("hex"),
    respond,
  );
  switch (outcome.kind) {
    case "ran":
      return c.body(outcome.response.body, outcome.response.status as 200, JSON_TYPE);
    case "replayed":
      return c.body(outcome.response.body, outcome.response.status as 200, {
        ...JSON_TYPE,
        [IDEMPOTENT_REPLAYED_HEADER]: "true",
      });
    case "reused":
      return apiError(
        c,
        422,
        "idempotency_key_reused",
        "This Idempotency-Key was used in the last 24 hours for another request. Use a new key for a new request.",
      );
    case "in_use":
      // A 409 now means a live request's transaction holds the key (a dead one's is rolled back by the
      // database within about a second: docs/decisions/012), and those take milliseconds: a second
      // is an honest wait, and the shortest Retry-After can say.
      return apiError(
        c,
        409,
        "idempotency_key_in_use",
        "A request with this Idempotency-Key is still running. Retry in a moment.",
        { headers: { "Retry-After": "1" } },
      );
  }
}
