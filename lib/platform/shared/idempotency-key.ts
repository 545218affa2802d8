// The Idempotency-Key header of a POST (lib/platform/idempotency.ts): 1–255 printable ASCII characters.
import { z } from "zod";

export const IdempotencyKey = z
  .string()
  .min(1, "Send 1 to 255 printable characters.")
  .max(255, "Send 1 to 255 printable characters.")
  .regex(/^[\x20-\x7e]+$/, "Use printable ASCII characters only.")
  .meta({
    description:
      "Makes a retry safe: a request with the same key and body within 24 hours gets the first response again, with " +
      "`Idempotent-Replayed: true`, instead of running twice. Use a new random value (a UUID) for each new request.",
    example: "5f6c1a9e-0d1b-4c9e-9a57-2b1f3d8e7a10",
  });
