// The first request to try with a token: GET /v1/me answers with the team and environment it belongs to.
export const meCommand = (apiBaseUrl: string, token = "<token>") =>
  `curl ${apiBaseUrl}/v1/me \\\n  -H "Authorization: Bearer ${token}"`;
