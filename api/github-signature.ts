// GitHub's secret-scanning requests are signed: ECDSA P-256 with SHA-256 over the raw body, the
// signature (base64 of DER) in Github-Public-Key-Signature, the key named by Github-Public-Key-Identifier.
// The public keys come from a document GitHub publishes (SECRET_SCANNING_KEYS_URL), kept per process:
// public data, so a cache cannot make a verdict wrong. An identifier it does not know makes it fetch
// the document again (key rotation is picked up at once), but after a fetch that did not know the
// identifier either, not again for a minute: made-up identifiers cost at most one fetch a minute.
import { createPublicKey, verify, type KeyObject } from "node:crypto";
import { config, logError } from "@/lib/platform";

const REFETCH_MS = 60_000;
const FETCH_TIMEOUT_MS = 5_000;

type KeysDocument = { public_keys?: { key_identifier?: unknown; key?: unknown }[] };

export type SignatureVerdict = "valid" | "invalid" | "keys_unavailable";

export class GitHubKeys {
  private keys = new Map<string, KeyObject>();
  /** When a fetch last failed or did not know the identifier asked for: no other fetch for a minute. */
  private missedAt = -Infinity;
  private fetching: Promise<void> | undefined;

  constructor(
    private readonly url: string,
    private readonly fetchDocument: (url: string) => Promise<unknown> = fetchJson,
    private readonly now: () => number = Date.now,
  ) {}

  /** Verifies a request: the raw body and the two headers as sent. */
  async verify(body: Uint8Array, keyId: string | undefined, signature: string | undefined): Promise<SignatureVerdict> {
    if (!keyId || !signature) return "invalid";
    let key = this.keys.get(keyId);
    if (!key && this.now() - this.missedAt >= REFETCH_MS) {
      try {
        await (this.fetching ??= this.refresh().finally(() => (this.fetching = undefined)));
      } catch (err) {
        this.missedAt = this.now();
        logError("api", "could not fetch GitHub's secret-scanning public keys", err);
      }
      key = this.keys.get(keyId);
      if (!key) this.missedAt = this.now();
    }
    if (!key) return this.keys.size === 0 ? "keys_unavailable" : "invalid";
    try {
      return verify("sha256", body, { key, dsaEncoding: "der" }, Buffer.from(signature, "base64"))
        ? "valid"
        : "invalid";
    } catch {
      return "invalid"; // not a DER signature at all
    }
  }

  private async refresh(): Promise<void> {
    const document = (await this.fetchDocument(this.url)) as KeysDocument;
    const keys = new Map<string, KeyObject>();
    for (const entry of document.public_keys ?? []) {
      if (typeof entry.key_identifier !== "string" || typeof entry.key !== "string") continue;
      try {
        keys.set(entry.key_identifier, createPublicKey(entry.key));
      } catch {
        // a key we cannot read verifies nothing
      }
    }
    this.keys = keys;
  }
}

async function fetchJson(url: string): Promise<unknown> {
  const res = await fetch(url, {
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    headers: { accept: "application/json" },
  });
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return res.json();
}

const byUrl = new Map<string, GitHubKeys>();

/** The process's keys for SECRET_SCANNING_KEYS_URL (read per request, so a test can point it elsewhere). */
export function gitHubKeys(url = config().SECRET_SCANNING_KEYS_URL): GitHubKeys {
  let keys = byUrl.get(url);
  if (!keys) byUrl.set(url, (keys = new GitHubKeys(url)));
  return keys;
}
