// What every route that reads a body may rely on, checked once before any validator reads it: the
// body is at most 1 MB (or a route's smaller cap); a JSON body is valid UTF-8 and nested at most 64
// levels deep.
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { apiError } from "../errors";

export const MAX_BODY_BYTES = 1024 * 1024;
/** Arrays and objects inside each other; the API's own bodies go 2 deep. */
export const MAX_JSON_DEPTH = 64;

/** "1 MB", "256 KB": a cap as the 413's message names it. */
const sizeName = (bytes: number) => (bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`);

const limitSize = (maxBytes: number) =>
  bodyLimit({
    maxSize: maxBytes,
    // Connection: close, so the client does not reuse a connection whose body was left unread.
    onError: (c) =>
      apiError(c, 413, "payload_too_large", `The request body is larger than ${sizeName(maxBytes)}.`, {
        headers: { Connection: "close" },
      }),
  });

// The media types hono's json validator parses (hono/dist/validator/validator.js): the same test, so
// every body a route reads as JSON has passed these checks.
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A JSON body decoded here, strictly: otherwise bytes that are not UTF-8 become U+FFFD and are
 * stored. The text goes into hono's body cache, which its validator's `c.req.json()` parses, so the
 * body is still decoded once and parsed once. The refusal, if any.
 */
async function checkJsonBody(c: Context): Promise<Response | undefined> {
  const mediaType = c.req.header("content-type")?.split(";")[0].trim() ?? "";
  if (!c.req.raw.body || !JSON_MEDIA_TYPE.test(mediaType)) return;
  const bytes = await c.req.raw.arrayBuffer();
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return apiError(c, 400, "invalid_request", "The request body is not valid UTF-8.");
  }
  // Deeper bodies are no request of this API, and code that walks them recursively (JSON.stringify
  // in api/idempotency.ts) overflowed the stack at about 5,000 levels: a 500.
  if (nestsDeeperThan(text, MAX_JSON_DEPTH))
    return apiError(c, 400, "invalid_request", `The request body is nested more than ${MAX_JSON_DEPTH} levels deep.`);
  // hono keeps a promise per body kind, though its type names the methods (BodyCache = Partial<Body>).
  (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text);
}

/**
 * Whether arrays and objects nest more than `limit` deep in a JSON text, strings skipped: one pass,
 * no recursion, stopping at the first level too deep (0.7 µs for a shipment, 5 ms for 1 MB; parsing
 * it takes 17). Not JSON at all is the validator's to refuse.
 */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 0x22 /* " */) {
      // To the string's closing quote: the next one after an even number of backslashes.
      for (;;) {
        i = text.indexOf('"', i + 1);
        if (i < 0) return false;
        let before = i - 1;
        while (text.charCodeAt(before) === 0x5c /* \ */) before--;
        if ((i - before) % 2 === 1) break;
      }
    } else if (char === 0x5b /* [ */ || char === 0x7b /* { */) {
      if (++depth > limit) return true;
    } else if (char === 0x5d /* ] */ || char === 0x7d /* } */) depth--;
  }
  return false;
}

/** The checks above with a cap of `maxBytes` (a Content-Length above it is refused before a byte is read). */
export function limitBodyTo(maxBytes: number): MiddlewareHandler {
  const limit = limitSize(maxBytes);
  return (c, next) =>
    limit(c, async () => {
      const refusal = await checkJsonBody(c);
      if (refusal) c.res = refusal;
      else await next();
    });
}

export const limitBody: MiddlewareHandler = limitBodyTo(MAX_BODY_BYTES);
