// JSON error bodies for the /v1 API: {"error": {"code", "message"}}. Never a token, hash or stack.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export type ApiErrorCode =
  | "missing_credentials"
  | "invalid_credentials"
  | "revoked_credential"
  | "rate_limited"
  | "invalid_request"
  | "not_found"
  | "method_not_allowed"
  | "payload_too_large"
  | "internal_error";

export function apiError(c: Context, status: ContentfulStatusCode, code: ApiErrorCode, message: string) {
  return c.json({ error: { code, message } }, status);
}
