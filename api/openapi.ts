// The /v1 API described as OpenAPI 3.1. Each route declares its request and responses with the
// same zod schemas its handler validates with (@hono/zod-openapi), so the document cannot drift
// from the code; this file holds what the routes share: JSON bodies, the error shape and which
// error codes each kind of route can answer.
import type { OpenAPIHono, RouteConfig } from "@hono/zod-openapi";
import { z } from "zod";
import type { ApiEnv } from "./context";
import type { ApiErrorCode } from "./errors";

type Responses = RouteConfig["responses"];
type ErrorsByStatus = Partial<Record<number, readonly [ApiErrorCode, ...ApiErrorCode[]]>>;

/** What each error code means, as the document and README say it. */
const ERROR_MEANINGS: Record<ApiErrorCode, string> = {
  invalid_request:
    "the body, query or a header fails validation (each bad field named in `fields`), or the body is not JSON",
  unsupported_media_type: "a body that is not `application/json`",
  missing_credentials: "no (or a blank) `Authorization` header",
  invalid_credentials: "not `Bearer <token>`, malformed, bad checksum, unknown or deleted",
  revoked_credential: "the credential is revoked (enabling it makes the same token work again)",
  expired_credential: "the credential's expiry has passed",
  invalid_signature: "the report is not signed by a current GitHub secret-scanning key",
  ip_not_allowed: "the token is valid, but its allowed IP addresses do not include the client's",
  not_found: "no such object in the caller's team and environment",
  method_not_allowed: "a known path with another method (with `Allow`)",
  idempotency_key_in_use: "a request with this `Idempotency-Key` is still running (retry after `Retry-After`)",
  idempotency_key_reused: "this `Idempotency-Key` was used in the last 24 hours with another body",
  payload_too_large: "the body is over 1 MB",
  rate_limited: "too many refused credentials from this client address (with `Retry-After`)",
  internal_error: "anything unexpected (retrying is safe with an `Idempotency-Key`)",
  service_unavailable:
    "the service cannot reach its database right now (for a secret-scanning report: GitHub's public keys cannot be fetched); " +
    "nothing is wrong with the request, send it again after `Retry-After` seconds",
};

/** `{"error": {"code", "message", "fields"?}}` with the codes this status can carry on this route. */
function errorBody(codes: readonly [ApiErrorCode, ...ApiErrorCode[]]) {
  return z.object({
    error: z.object({
      code: z.enum(codes),
      message: z.string().meta({ description: "For people: may change; branch on `code`." }),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .meta({ description: "400 only: each bad field by its path (`recipient.name`)." }),
    }),
  });
}

const header = (description: string) => ({ schema: { type: "string" as const }, description });
const ERROR_HEADERS: Partial<Record<number, Record<string, ReturnType<typeof header>>>> = {
  401: { "WWW-Authenticate": header('`Bearer realm="eCourier API"`.') },
  405: { Allow: header("The methods this path takes.") },
  409: { "Retry-After": header("Seconds to wait before retrying.") },
  429: { "Retry-After": header("Seconds to wait before retrying.") },
  503: { "Retry-After": header("Seconds to wait before retrying.") },
};

/** The error responses of a route: status → the codes it can answer with. */
function errorResponses(byStatus: ErrorsByStatus): Responses {
  const responses: Responses = {};
  for (const [status, codes] of Object.entries(byStatus)) {
    if (!codes) continue;
    responses[status] = {
      description: codes.map((code) => `\`${code}\`: ${ERROR_MEANINGS[code]}.`).join(" "),
      headers: ERROR_HEADERS[Number(status)],
      content: { "application/json": { schema: errorBody(codes) } },
    };
  }
  return responses;
}

/**
 * A route's responses: its successes and, by status, the error codes it can answer with. Typed as
 * any responses on purpose: a handler may then answer with any Response (errors come from apiError);
 * that each answer matches the document is the contract tests' job (api/openapi.test.ts).
 */
export function responses(success: Responses, errors: ErrorsByStatus = {}): Responses {
  return { ...success, ...errorResponses(errors) };
}

/**
 * What every route behind the bearer middleware can be refused with, before its handler runs: the
 * credential's lookup needs the database, so each can be 503 while it cannot be reached.
 */
export const CREDENTIAL_ERRORS = {
  401: ["missing_credentials", "invalid_credentials", "revoked_credential", "expired_credential"],
  403: ["ip_not_allowed"],
  429: ["rate_limited"],
  500: ["internal_error"],
  503: ["service_unavailable"],
} as const;

/** What a route that takes a JSON body can be refused with besides its own validation. */
export const BODY_ERRORS = {
  400: ["invalid_request"],
  413: ["payload_too_large"],
  415: ["unsupported_media_type"],
} as const;

/** A JSON body of this schema. */
export function json<T extends z.ZodType>(schema: T) {
  return { "application/json": { schema } };
}

/** Sent on every answer to a credential that has an expiry. */
export const CREDENTIAL_HEADERS = {
  "ECourier-Credential-Expires-At": header(
    "When the caller's credential expires (ISO 8601, UTC); absent if it never does.",
  ),
};

/** The one security scheme: the credential's token; its prefix decides the environment. */
export const BEARER = [{ credential: [] }];
/** A route anyone may call. */
export const PUBLIC: RouteConfig["security"] = [];

/** The one security scheme (registered by api/app.ts as "credential"). */
export const SECURITY_SCHEME = {
  type: "http" as const,
  scheme: "bearer",
  description:
    "An API credential's token, created under Developers → API Credentials: `pk_test_…` or `pk_live_…`. " +
    "The token decides the environment: a test token sees only test data, a live token only production.",
};

/** The document: info, servers and tags; the paths come from the routes. */
export function apiDocument(app: OpenAPIHono<ApiEnv>, serverUrl: string) {
  return app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "eCourier API",
      version: "1",
      description:
        "Create and track shipments. Authenticate every request with `Authorization: Bearer <token>`. " +
        'Errors are `{"error": {"code", "message"}}`; branch on `code`. An authenticated request to an unknown path is 404 ' +
        "`not_found`, to a known path with another method 405 `method_not_allowed` (with `Allow`); without a credential both are 401. " +
        "While the service cannot reach its database, a request that needs it is 503 `service_unavailable` with `Retry-After`: " +
        "send it again after that many seconds (with an `Idempotency-Key` for a POST).",
    },
    servers: [{ url: serverUrl }],
    security: BEARER,
    tags: [
      { name: "Shipments", description: "Scoped by the credential's team and environment." },
      { name: "Credentials", description: "Who a token is; revoking a token found in public." },
      { name: "Service", description: "Readiness, liveness, this document and its reference." },
    ],
  });
}
