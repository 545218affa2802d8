// POST /v1/secret-scanning/github: GitHub's secret-scanning partner endpoint. GitHub sends every
// match of our token pattern it finds in public (a commit, an issue comment, an npm package…), signed;
// a match that is one of our credentials is revoked at once (or only recorded, by the team's choice).
import { Hono } from "hono";
import { z } from "zod";
import { recordLeaks } from "@/lib/leaks";
import type { ApiEnv } from "../context";
import { apiError, invalidRequest } from "../errors";
import { gitHubKeys } from "../github-signature";
import { limitBody } from "../middleware/body-limit";

const MAX_MATCHES = 10_000;

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

export const secretScanning = new Hono<ApiEnv>().post("/github", limitBody, async (c) => {
  // The signature covers the raw bytes: verified before the body is parsed or anything is looked up.
  const body = new Uint8Array(await c.req.arrayBuffer());
  const verdict = await gitHubKeys().verify(body, c.req.header("github-public-key-identifier"), c.req.header("github-public-key-signature"));
  if (verdict === "keys_unavailable") return apiError(c, 503, "service_unavailable", "GitHub's public keys could not be fetched. Try again later.");
  if (verdict !== "valid") return apiError(c, 401, "invalid_signature", "The request is not signed by a current GitHub secret-scanning key.");

  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body).toString("utf8"));
  } catch {
    return apiError(c, 400, "invalid_request", "The request body must be a JSON array of matches.");
  }
  const report = Report.safeParse(json);
  if (!report.success) return invalidRequest(c, report.error);
  return c.json(await recordLeaks(report.data));
});
