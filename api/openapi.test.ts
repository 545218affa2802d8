// The OpenAPI document against the app it describes: valid OpenAPI 3.1, exactly the routes the
// app serves, public and cacheable, and the checker that holds every API test's answers to it
// (api/openapi-contract.ts) really refuses an answer the document does not allow.
import { createHash } from "node:crypto";
import fs from "node:fs";
import { validate } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiApp } from "./app";
import { servedDocument, ResponseContract, type ApiDocument } from "./openapi-contract";
import { API_TYPES_FILE, apiTypesSource } from "./openapi-types";
import { apiFetch, createTeam, insertCredentialRow, startApi, type RunningApi } from "./testing";

let api: RunningApi;
let document: ApiDocument;

beforeAll(async () => {
  api = await startApi();
  document = await servedDocument();
});
afterAll(() => api.close());

/** The operations the document describes, as "GET /v1/shipments/{id}". */
function documented(doc: ApiDocument): string[] {
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

describe("GET /v1/openapi.json", () => {
  it("is valid OpenAPI 3.1 (@readme/openapi-parser)", async () => {
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.specification).toBe("OpenAPI");
    expect((document as unknown as { openapi: string }).openapi).toBe("3.1.0");
  });

  it("describes exactly the routes the app serves (the reference's own script aside)", () => {
    // One entry per handler (a route's middleware and validators each have one): a set of method and path.
    const served = new Set(
      createApiApp()
        .routes.filter((route) => route.method !== "ALL" && !route.path.endsWith("*"))
        .map((route) => `${route.method} ${route.path.replace(/:([^/]+)/g, "{$1}")}`),
    );
    served.delete("GET /v1/docs/scalar.js");
    expect([...served].sort()).toEqual(documented(document).sort());
    expect(served.size).toBe(10);
  });

  it("documents 503 service_unavailable with Retry-After on every route that needs the database", () => {
    // These answer from memory: the document, its reference and liveness.
    const withoutDatabase = ["GET /v1/openapi.json", "GET /v1/docs", "GET /v1/health/live"];
    const operations = Object.entries(document.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
    );
    const needDatabase = operations.filter(({ name }) => !withoutDatabase.includes(name));
    expect(needDatabase.length).toBe(operations.length - withoutDatabase.length);
    const undocumented = needDatabase.filter(({ operation }) => {
      const response = operation.responses["503"] as { headers?: Record<string, unknown> } | undefined;
      return !response?.headers?.["Retry-After"];
    });
    expect(undocumented.map(({ name }) => name)).toEqual([]);
  });

  it("is public and cacheable, and names API_BASE_URL as its server", async () => {
    const before = process.env.API_BASE_URL;
    process.env.API_BASE_URL = "https://api.ecourier.example/";
    try {
      const res = await apiFetch(api, "/v1/openapi.json");
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("public, max-age=300");
      expect(res.headers.get("content-type")).toContain("application/json");
      const served = await res.json();
      expect(served.servers).toEqual([{ url: "https://api.ecourier.example" }]);
      expect(served.components.securitySchemes.credential).toMatchObject({ type: "http", scheme: "bearer" });
      expect(res.headers.get("vary")).toBeNull();
    } finally {
      if (before === undefined) delete process.env.API_BASE_URL;
      else process.env.API_BASE_URL = before;
    }
  });

  it("without API_BASE_URL names the origin asked for, and varies by Host so no shared cache mixes them up", async () => {
    const before = process.env.API_BASE_URL;
    delete process.env.API_BASE_URL;
    try {
      const res = await apiFetch(api, "/v1/openapi.json");
      expect(res.headers.get("vary")).toBe("host");
      expect((await res.json()).servers).toEqual([{ url: api.url }]);
    } finally {
      if (before !== undefined) process.env.API_BASE_URL = before;
    }
  });

  it("documents every error code the API answers with, with its status", () => {
    const codesByStatus = new Map<string, Set<string>>();
    for (const operations of Object.values(document.paths)) {
      for (const operation of Object.values(operations)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          const schema = response.content?.["application/json"]?.schema as
            { properties?: { error?: { properties: { code: { enum: string[] } } } } } | undefined;
          for (const code of schema?.properties?.error?.properties.code.enum ?? [])
            codesByStatus.set(code, (codesByStatus.get(code) ?? new Set()).add(status));
        }
      }
    }
    expect(Object.fromEntries([...codesByStatus].map(([code, statuses]) => [code, [...statuses].sort()]))).toEqual({
      invalid_request: ["400"],
      unsupported_media_type: ["415"],
      missing_credentials: ["401"],
      invalid_credentials: ["401"],
      revoked_credential: ["401"],
      expired_credential: ["401"],
      invalid_signature: ["401"],
      ip_not_allowed: ["403"],
      not_found: ["404"],
      idempotency_key_in_use: ["409"],
      idempotency_key_reused: ["422"],
      payload_too_large: ["413"],
      rate_limited: ["429"],
      internal_error: ["500"],
      service_unavailable: ["503"],
    });
  });

  it("keeps e2e/api-client/schema.ts (the typed client's types) up to date: run `npm run api:types`", async () => {
    expect(fs.readFileSync(API_TYPES_FILE, "utf8")).toBe(await apiTypesSource(document));
  });
});

describe("the response contract every API test's answers are checked against", () => {
  const contract = () => new ResponseContract(document);
  const me = {
    team: { id: "4f0c2a8e-3b1d-4c5e-9f7a-1d2e3f4a5b6c", name: "Acme" },
    environment: "test",
    credential: { id: "9b1e7c3d-5a2f-4e6b-8c9d-0a1b2c3d4e5f", name: "ERP" },
  };

  it("accepts an answer the document allows", () => {
    expect(contract().check("GET", "/v1/me", 200, "application/json", JSON.stringify(me))).toEqual([]);
    expect(
      contract().check(
        "GET",
        "/v1/shipments/abc",
        404,
        "application/json",
        JSON.stringify({ error: { code: "not_found", message: "No such shipment." } }),
      ),
    ).toEqual([]);
  });

  it("refuses a body that does not match, a status not documented and an error code not listed", () => {
    expect(
      contract().check("GET", "/v1/me", 200, "application/json", JSON.stringify({ ...me, environment: "staging" })),
    ).toEqual([expect.stringContaining("/environment must be equal to one of the allowed values")]);
    expect(contract().check("GET", "/v1/me", 201, "application/json", JSON.stringify(me))).toEqual([
      expect.stringContaining("status 201 is not documented"),
    ]);
    expect(
      contract().check(
        "GET",
        "/v1/me",
        401,
        "application/json",
        JSON.stringify({ error: { code: "not_found", message: "x" } }),
      ),
    ).not.toEqual([]);
    expect(contract().check("GET", "/v1/me", 200, "text/plain", "{}")).toEqual([
      expect.stringContaining("content-type text/plain is not documented"),
    ]);
  });

  it("allows an unknown path only the API's generic errors", () => {
    expect(
      contract().check(
        "GET",
        "/v1/nowhere",
        404,
        "application/json",
        JSON.stringify({ error: { code: "not_found", message: "No such endpoint." } }),
      ),
    ).toEqual([]);
    expect(contract().check("GET", "/v1/nowhere", 200, "application/json", "{}")).not.toEqual([]);
  });
});

describe("GET /v1/docs", () => {
  it("serves the interactive reference, its script from this server (gzipped), and no credential is needed", async () => {
    const page = await apiFetch(api, "/v1/docs");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain("<title>eCourier API reference</title>");
    expect(html).toContain('src="/v1/docs/scalar.js"');
    expect(html).toContain("/v1/openapi.json");
    expect(html).not.toMatch(/cdn\.jsdelivr|fonts\.scalar/);

    const script = await fetch(`${api.url}/v1/docs/scalar.js`, { headers: { "accept-encoding": "gzip" } });
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toContain("text/javascript");
    expect(script.headers.get("cache-control")).toBe("public, max-age=86400");
    expect(script.headers.get("content-encoding")).toBe("gzip");
    const body = Buffer.from(await script.arrayBuffer()); // fetch has already unzipped it
    expect(body.length).toBeGreaterThan(1_000_000);
    expect(body.includes("createApiReference")).toBe(true);
  });

  it("has its own strict policy: its one inline script allowed by hash, nothing else inline, never framed", async () => {
    const page = await apiFetch(api, "/v1/docs");
    const html = await page.text();
    const policy = Object.fromEntries(
      (page.headers.get("content-security-policy") ?? "").split(/;\s*/).map((d) => [d.split(" ")[0], d]),
    );
    const inline = [
      ...html.matchAll(/<script>([\s\S]*?)<\/script>|<script type="text\/javascript">([\s\S]*?)<\/script>/g),
    ];
    expect(inline).toHaveLength(1);
    const hash = createHash("sha256")
      .update(inline[0][1] ?? inline[0][2])
      .digest("base64");
    expect(policy["script-src"]).toBe(`script-src 'self' 'sha256-${hash}'`);
    expect(policy["default-src"]).toBe("default-src 'none'");
    expect(policy["frame-ancestors"]).toBe("frame-ancestors 'none'");
    expect(policy["base-uri"]).toBe("base-uri 'none'");
    expect(policy["connect-src"]).toBe("connect-src 'self'");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("lets Try it call API_BASE_URL when the API has an origin of its own", async () => {
    const before = process.env.API_BASE_URL;
    process.env.API_BASE_URL = "https://api.ecourier.example";
    try {
      const policy = (await fetch(`${api.url}/v1/docs`)).headers.get("content-security-policy");
      expect(policy).toContain("connect-src 'self' https://api.ecourier.example;");
    } finally {
      if (before === undefined) delete process.env.API_BASE_URL;
      else process.env.API_BASE_URL = before;
    }
  });

  it("leaves every other answer uncacheable", async () => {
    const team = await createTeam("Docs Co");
    const { token } = await insertCredentialRow(team.id, "test");
    const res = await apiFetch(api, "/v1/me", { token });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});
