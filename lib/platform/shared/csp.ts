// The dashboard's Content-Security-Policy, built per request by proxy.ts around a fresh nonce.
// Pure and dependency-free: proxy.ts runs before any page.

/**
 * Scripts: only those carrying this response's nonce (Next.js puts it on its own), and what they
 * load ('strict-dynamic'); dev mode also needs eval. Styles: 'unsafe-inline', because Radix's scroll
 * lock, sonner and React `style` attributes insert styles that cannot carry a nonce — styles run no
 * code. No plugins, no <base>, forms post only here, and no page may frame this one (clickjacking).
 */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable, and new for every response. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
