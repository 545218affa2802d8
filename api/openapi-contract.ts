// Test-only: checks an answer of the API against its own OpenAPI document — the operation for the
// method and path must document the status, and a JSON body must validate against that status's
// schema (ajv, JSON Schema 2020-12: OpenAPI 3.1's dialect). api/testing.ts's apiFetch runs every
// answer the API tests receive through it.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { createApiApp } from "./app";
import { BODY_ERRORS, CREDENTIAL_ERRORS } from "./openapi";

type Operation = { responses: Record<string, { content?: Record<string, { schema?: object }> }> };
export type ApiDocument = { paths: Record<string, Record<string, Operation>>; components?: object };

/** Answers with no operation of their own: an unknown path or method (described in the document's info). */
const UNROUTED: Record<number, readonly string[]> = {
  401: CREDENTIAL_ERRORS[401],
  403: CREDENTIAL_ERRORS[403],
  404: ["not_found"],
  405: ["method_not_allowed"],
  413: BODY_ERRORS[413],
  429: CREDENTIAL_ERRORS[429],
  503: CREDENTIAL_ERRORS[503],
};

let documentPromise: Promise<ApiDocument> | undefined;

/** The document as the app serves it. */
export function servedDocument(): Promise<ApiDocument> {
  documentPromise ??= Promise.resolve(createApiApp().request("http://api.test/v1/openapi.json")).then(
    (res) => res.json() as Promise<ApiDocument>,
  );
  return documentPromise;
}

/** "/v1/shipments/{id}" → a regular expression for concrete paths. */
function templateToRegExp(template: string): RegExp {
  return new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`);
}

export class ResponseContract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly templates: [RegExp, string][];

  constructor(private readonly document: ApiDocument) {
    addFormats.default(this.ajv);
    this.ajv.addSchema(document as object, "openapi.json");
    // Literal paths before templated ones ("/v1/shipments" is not "/v1/shipments/{id}").
    this.templates = Object.keys(document.paths)
      .sort((a, b) => Number(a.includes("{")) - Number(b.includes("{")))
      .map((template) => [templateToRegExp(template), template]);
  }

  private validatorFor(pointer: string): ValidateFunction {
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `openapi.json#${pointer}` });
      this.validators.set(pointer, validate);
    }
    return validate;
  }

  /** The problems of one answer (an empty list: it matches the document). */
  check(method: string, path: string, status: number, contentType: string | null, body: string): string[] {
    const template = this.templates.find(([pattern]) => pattern.test(path))?.[1];
    const operation = template ? this.document.paths[template][method.toLowerCase()] : undefined;
    const where = `${method} ${path} → ${status}`;
    if (!template || !operation) return this.checkUnrouted(where, status, body);

    const response = operation.responses[String(status)];
    if (!response) return [`${where}: status ${status} is not documented for ${method} ${template}`];
    if (!response.content) return [];
    const mediaType = (contentType ?? "").split(";")[0].trim();
    if (!response.content[mediaType])
      return [`${where}: content-type ${contentType} is not documented (${Object.keys(response.content).join(", ")})`];
    if (mediaType !== "application/json") return [];
    const pointer = [
      "",
      "paths",
      template,
      method.toLowerCase(),
      "responses",
      String(status),
      "content",
      mediaType,
      "schema",
    ]
      .map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1"))
      .join("/");
    const validate = this.validatorFor(pointer);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return [`${where}: the body is not JSON`];
    }
    return validate(json)
      ? []
      : (validate.errors ?? []).map((e) => `${where}: ${e.instancePath || "(body)"} ${e.message}`);
  }

  private checkUnrouted(where: string, status: number, body: string): string[] {
    const codes = UNROUTED[status];
    if (!codes) return [`${where}: no operation is documented for this method and path`];
    try {
      const { error } = JSON.parse(body) as { error?: { code?: string; message?: unknown } };
      if (error && codes.includes(error.code ?? "") && typeof error.message === "string") return [];
    } catch {
      // not JSON: reported below
    }
    return [`${where}: expected an error ${codes.join(" | ")}, got ${body.slice(0, 200)}`];
  }
}

let contract: Promise<ResponseContract> | undefined;

/** Throws if an answer does not match the document (every apiFetch in the API tests calls this). */
export async function assertMatchesDocument(method: string, url: string, res: Response): Promise<void> {
  contract ??= servedDocument().then((document) => new ResponseContract(document));
  const problems = (await contract).check(
    method,
    new URL(url).pathname,
    res.status,
    res.headers.get("content-type"),
    await res.clone().text(),
  );
  if (problems.length > 0) throw new Error(`The answer does not match the OpenAPI document:\n${problems.join("\n")}`);
}
