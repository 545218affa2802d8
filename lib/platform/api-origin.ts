// API_BASE_URL as configured (the API's public origin): trimmed, without a trailing slash
// (lib/platform/config.ts); undefined when unset. The dashboard's snippets and the OpenAPI document's server both use it.
import { config } from "./config";

export function configuredApiOrigin(): string | undefined {
  return config().API_BASE_URL;
}
