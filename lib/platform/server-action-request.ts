// Requests that Next.js's server-action handling answers with a 500 (it throws while decoding them),
// answered 400 or 403 before they reach it, by server.ts. Pure: decided from the method, path and
// headers alone, the body unread. What a real action sends is never refused: Next.js's client posts
// an action with `Next-Action` and a body that is either a string (text/plain;charset=UTF-8) or
// FormData (multipart/form-data with a boundary), from a page of this origin; a form without
// JavaScript posts multipart/form-data. The 500s that only the body reveals are Next.js's to fix:
// docs/architecture.md, "Before a page", has their reproductions.
import type { IncomingHttpHeaders } from "node:http";

export type EdgeRefusal = { status: 400 | 403; message: string };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The media type of a Content-Type header, lower-case, without its parameters. */
const mediaTypeOf = (contentType: string | undefined) => contentType?.split(";")[0].trim().toLowerCase() ?? "";

/** The body types Next.js decodes an action from (and application/x-www-form-urlencoded, which it answers itself). */
const ACTION_MEDIA_TYPES = new Set(["multipart/form-data", "application/x-www-form-urlencoded", "text/plain"]);

/**
 * The refusal for a request bound for Next.js, or undefined to let it through. Only POSTs are looked at
 * (Next.js decodes actions from POSTs alone); /api/* are route handlers (Auth.js), which decode no action.
 */
export function refusalBeforeNext(req: {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
}): EdgeRefusal | undefined {
  if (req.method !== "POST") return;
  const { headers } = req;
  const origin = first(headers.origin);
  // new URL(origin) throws inside Next.js for any POST it might take for an action (`Origin: http://a:b`).
  if (origin !== undefined && origin !== "null" && !URL.canParse(origin))
    return { status: 400, message: "The Origin header is not a URL." };
  if (req.url?.startsWith("/api/")) return;

  const action = first(headers["next-action"]);
  const contentType = first(headers["content-type"]);
  const mediaType = mediaTypeOf(contentType);
  const multipart = mediaType === "multipart/form-data";
  if (action !== undefined && !ACTION_MEDIA_TYPES.has(mediaType))
    return { status: 400, message: "A server action is sent as multipart/form-data or text/plain." };
  // Without a boundary the multipart parser throws (a 500).
  if (multipart && !/;\s*boundary=/i.test(contentType ?? ""))
    return { status: 400, message: "A multipart/form-data body needs a boundary." };

  // Next.js's own cross-origin check, answered as what it is: Next.js refuses an action whose Origin is
  // not the host it was sent to (X-Forwarded-Host's first entry, else Host) — with a 500.
  if (origin !== undefined && (action !== undefined || multipart)) {
    const forwardedHost = first(headers["x-forwarded-host"])?.split(",")[0]?.trim();
    const host = forwardedHost || first(headers.host);
    const originHost = origin === "null" ? "null" : new URL(origin).host;
    if (originHost !== host) return { status: 403, message: "A server action must come from a page of this site." };
  }
}
