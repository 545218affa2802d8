// A typed /v1 client for the e2e tests, as an integrator would generate one: openapi-fetch over the
// types openapi-typescript made from GET /v1/openapi.json (schema.ts, `npm run api:types`). If the
// document and the server disagree, a test using it fails to compile (npm run typecheck) or to run.
import createClient from "openapi-fetch";
import type { paths } from "./schema";

export function apiClient(baseUrl: string, token: string, clientAddress: string) {
  return createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token}`, "x-forwarded-for": clientAddress } });
}
