// JSON error bodies for the /v1 API: {"error": {"code", "message"}}. Never a token, hash or stack.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import { RETRY_AFTER_SECONDS } from "@/lib/platform";
import { fieldErrors } from "@/lib/shipments";

export type ApiErrorCode =
  | "missing_credentials"
  | "invalid_credentials"
  | "invalid_signature"
  | "revoked_credential"
  | "expired_credential"
  | "ip_not_allowed"
  | "rate_limited"
  | "invalid_request"
  | "unsupported_media_type"
  | "not_found"
  | "method_not_allowed"
  | "idempotency_key_in_use"
  | "idempotency_key_reused"
  | "payload_too_large"
  | "internal_error"
  | "service_unavailable";

/** Per-field problems of an invalid_request, keyed by the field's path ("recipient.name"). */
export type FieldErrors = Record<string, string>;

export function apiError(
  c: Context,
  status: ContentfulStatusCode,
  code: ApiErrorCode,
  message: string,
  extra?: { headers?: Record<string, string>; fields?: FieldErrors },
) {
  const error = extra?.fields ? { code, message, fields: extra.fields } : { code, message };
  return c.json({ error }, status, extra?.headers);
}

/** 400 invalid_request naming each bad field of a zod error ("Invalid fields: recipient.name."). */
export function invalidRequest(c: Context, error: z.ZodError) {
  const fields = fieldErrors(error);
  return apiError(c, 400, "invalid_request", `Invalid fields: ${Object.keys(fields).join(", ")}.`, { fields });
}

/**
 * 503 service_unavailable: the database cannot be reached right now (lib/platform/outage.ts). Nothing
 * is wrong with the request: the same request may be sent again after Retry-After.
 */
export function databaseUnavailable(c: Context) {
  return apiError(
    c,
    503,
    "service_unavailable",
    "The service cannot reach its database right now. Try again shortly.",
    {
      headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
    },
  );
}

/** RFC 6750: a 401 names the scheme and realm the client should authenticate with. */
export const WWW_AUTHENTICATE = 'Bearer realm="eCourier API"';
