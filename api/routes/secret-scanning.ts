// POST /v1/secret-scanning/github: GitHub's secret-scanning partner endpoint. GitHub sends every
// match of our token pattern it finds in public (a commit, an issue comment, an npm package…), signed;
// a match that is one of our credentials is revoked at once (or only recorded, by the team's choice).
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { recordLeaks } from "@/lib/credentials";
import type { ApiEnv } from "../context";
import { apiError, invalidRequest } from "../errors";
import { gitHubKeys } from "../github-signature";
import { spendAddressBudget } from "../middleware/address-budget";
import { limitBodyTo } from "../middleware/body-limit";
import { json, PUBLIC, responses } from "../openapi";

const MAX_MATCHES = 10_000;

/**
 * GitHub's reports are small: one match is about 260 bytes (a token, its type, a blob URL of some
 * 160 characters, the source), so a report of 100 matches is 26 KB (measured). 256 KB leaves ten times
 * that — about 1,000 matches — where the API's 1 MB cap let an unsigned flood cost a megabyte a request.
 */
export const MAX_REPORT_BYTES = 256 * 1024;

/** GitHub's payload: a JSON array of matches. `url` may be missing for sources without one. */
const Report = z
  .array(
    z.object({
      token: z.string().max(1024),
      type: z.string().max(128),
      url: z.string().max(8192).default(""),
      source: z.string().max(128).default(""),
    }),
  )
  .max(MAX_MATCHES);

const Labels = z.array(
  z.object({
    token_hash: z.string().meta({ description: "SHA-256 of the token, hex." }),
    token_type: z.string(),
    label: z.enum(["true_positive", "false_positive"]),
  }),
);

/** Report as a JSON Schema (OpenAPI 3.1's dialect), without the $schema line a document does not need. */
function reportSchema() {
  const schema: Record<string, unknown> = z.toJSONSchema(Report, { io: "input", target: "draft-2020-12" });
  delete schema.$schema;
  return schema;
}

const signatureHeader = (name: string, description: string) => ({
  name,
  in: "header" as const,
  required: true,
  schema: { type: "string" as const },
  description,
});

const route = createRoute({
  method: "post",
  path: "/github",
  tags: ["Credentials"],
  operationId: "reportSecretScanningMatches",
  summary: "GitHub secret scanning: report found tokens",
  description:
    "For GitHub's secret-scanning partner program, signed by GitHub. A match that is one of our credentials is marked found " +
    'in public and, unless its team chose "Only notify", revoked.',
  security: PUBLIC,
  // The address's budget first, before a byte of the body is read; then the report's own size cap.
  middleware: [
    spendAddressBudget("secret scanning per address", "Too many reports from this address. Try again later."),
    limitBodyTo(MAX_REPORT_BYTES),
  ] as const,
  // Described, not validated by a middleware: the signature covers the raw bytes and is checked before the body is parsed.
  parameters: [
    signatureHeader("Github-Public-Key-Identifier", "The identifier of the GitHub key that signed the body."),
    signatureHeader("Github-Public-Key-Signature", "ECDSA P-256 / SHA-256 signature of the raw body, base64 DER."),
  ],
  request: { body: { required: true, content: { "application/json": { schema: reportSchema() } } } },
  responses: responses(
    { 200: { description: "One label per match.", content: json(Labels) } },
    {
      400: ["invalid_request"],
      401: ["invalid_signature"],
      413: ["payload_too_large"],
      429: ["rate_limited"],
      500: ["internal_error"],
      503: ["service_unavailable"],
    },
  ),
});

export const secretScanning = new OpenAPIHono<ApiEnv>().openapi(route, async (c) => {
  // The signature covers the raw bytes: verified before the body is parsed or anything is looked up.
  const body = new Uint8Array(await c.req.arrayBuffer());
  const verdict = await gitHubKeys().verify(
    body,
    c.req.header("github-public-key-identifier"),
    c.req.header("github-public-key-signature"),
  );
  if (verdict === "keys_unavailable")
    return apiError(c, 503, "service_unavailable", "GitHub's public keys could not be fetched. Try again later.");
  if (verdict !== "valid")
    return apiError(c, 401, "invalid_signature", "The request is not signed by a current GitHub secret-scanning key.");

  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body).toString("utf8"));
  } catch {
    return apiError(c, 400, "invalid_request", "The request body must be a JSON array of matches.");
  }
  const report = Report.safeParse(json);
  if (!report.success) return invalidRequest(c, report.error);
  return c.json(await recordLeaks(report.data), 200);
});
