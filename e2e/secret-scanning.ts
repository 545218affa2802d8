// Reports a leak as GitHub's secret scanning would: signed with the key the e2e server publishes
// (scripts/e2e-server.mjs makes it for the run and leaves its private half in .data/).
import { sign } from "node:crypto";
import fs from "node:fs";
import type { APIRequestContext } from "@playwright/test";

const KEY_FILE = ".data/e2e-secret-scanning-key.json";

/** POST /v1/secret-scanning/github with one match per token, found at `url`. */
export function reportLeak(request: APIRequestContext, tokens: string[], url: string, source = "commit") {
  const { keyId, privateKey } = JSON.parse(fs.readFileSync(KEY_FILE, "utf8")) as { keyId: string; privateKey: string };
  const body = JSON.stringify(tokens.map((token) => ({ token, type: "ecourier_api_credential", url, source })));
  const signature = sign("sha256", Buffer.from(body), { key: privateKey, dsaEncoding: "der" }).toString("base64");
  return request.post("/v1/secret-scanning/github", {
    data: body,
    headers: {
      "content-type": "application/json",
      "github-public-key-identifier": keyId,
      "github-public-key-signature": signature,
    },
  });
}
