// The 1 MB limit on request bodies, for every route that reads one.
import { bodyLimit } from "hono/body-limit";
import { apiError } from "../errors";

export const MAX_BODY_BYTES = 1024 * 1024;

export const limitBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  // Connection: close, so the client does not reuse a connection whose body was left unread.
  onError: (c) =>
    apiError(c, 413, "payload_too_large", "The request body is larger than 1 MB.", {
      headers: { Connection: "close" },
    }),
});
