// API_BASE_URL as configured (the API's public origin): trimmed, without a trailing slash;
// undefined when unset. The dashboard's snippets and the OpenAPI document's server both use it.
export function configuredApiBaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.API_BASE_URL?.trim().replace(/\/+$/, "");
  return configured || undefined;
}
