// POST /v1/shipments with an Idempotency-Key, over real HTTP: a retry gets the first answer again
// and creates nothing; the same key with another body is refused; requests racing on one key make
// one shipment; keys belong to a team and environment.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { shipments } from "@/db/schema";
import { apiFetch, createTeam, insertCredentialRow, startApi, type RunningApi } from "./testing";

let api: RunningApi;
let acme: { id: string };
let acmeTest: { token: string };
let acmeLive: { token: string };
let globexTest: { token: string };

beforeAll(async () => {
  api = await startApi();
  acme = await createTeam("Acme Logistics");
  const globex = await createTeam("Globex Freight");
  acmeTest = await insertCredentialRow(acme.id, "test");
  acmeLive = await insertCredentialRow(acme.id, "live");
  globexTest = await insertCredentialRow(globex.id, "test");
});
afterAll(() => api.close());

let keyCount = 0;
const newKey = () => `order-${Date.now()}-${++keyCount}`;
const parcel = (reference: string, weight = 1200) => ({
  reference,
  recipient: { name: "Ada Lovelace", address: "12 St James's Square, London" },
  weight_grams: weight,
});

function post(token: string, key: string | undefined, body: unknown) {
  return apiFetch(api, "/v1/shipments", {
    method: "POST",
    token,
    body: JSON.stringify(body),
    headers: key === undefined ? {} : { "Idempotency-Key": key },
  });
}

async function shipmentsWithReference(reference: string) {
  const db = await getDb();
  return db
    .select({ id: shipments.id, teamId: shipments.teamId, environment: shipments.environment })
    .from(shipments)
    .where(eq(shipments.reference, reference));
}

describe("Idempotency-Key on POST /v1/shipments", () => {
  it("answers a retry with the first response, marked replayed, and creates one shipment", async () => {
    const key = newKey();
    const first = await post(acmeTest.token, key, parcel(key));
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const created = await first.json();

    const retry = await post(acmeTest.token, key, parcel(key));
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.headers.get("content-type")).toContain("application/json");
    expect(await retry.json()).toEqual(created);
    expect(await shipmentsWithReference(key)).toHaveLength(1);
  });

  it("treats the same JSON with other spacing as the same request", async () => {
    const key = newKey();
    expect((await post(acmeTest.token, key, parcel(key))).status).toBe(201);
    const spaced = await apiFetch(api, "/v1/shipments", {
      method: "POST",
      token: acmeTest.token,
      body: JSON.stringify(parcel(key), null, 2),
      headers: { "Idempotency-Key": key },
    });
    expect(spaced.headers.get("idempotent-replayed")).toBe("true");
  });

  it("refuses the same key with another body with 422 idempotency_key_reused, creating nothing", async () => {
    const key = newKey();
    expect((await post(acmeTest.token, key, parcel(key))).status).toBe(201);
    const reused = await post(acmeTest.token, key, parcel(key, 9999));
    expect(reused.status).toBe(422);
    expect((await reused.json()).error.code).toBe("idempotency_key_reused");
    expect(await shipmentsWithReference(key)).toHaveLength(1);
  });

  it("makes one shipment of requests racing on one key: the others are replays or 409 idempotency_key_in_use", async () => {
    const key = newKey();
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(acmeTest.token, key, parcel(key))));
    const kinds = await Promise.all(
      answers.map(async (res) => {
        if (res.status === 409) {
          expect(res.headers.get("retry-after")).toBe("1");
          expect((await res.json()).error.code).toBe("idempotency_key_in_use");
          return "in use";
        }
        expect(res.status).toBe(201);
        return res.headers.get("idempotent-replayed") ? "replayed" : "ran";
      }),
    );
    expect(kinds.filter((kind) => kind === "ran")).toHaveLength(1);
    expect(await shipmentsWithReference(key)).toHaveLength(1);
    // Once it has finished, a retry is a replay.
    expect((await post(acmeTest.token, key, parcel(key))).headers.get("idempotent-replayed")).toBe("true");
  });

  it("keeps keys per team and environment: the same key elsewhere is a new request", async () => {
    const key = newKey();
    for (const token of [acmeTest.token, acmeLive.token, globexTest.token]) {
      const res = await post(token, key, parcel(key));
      expect(res.status).toBe(201);
      expect(res.headers.get("idempotent-replayed")).toBeNull();
    }
    const made = await shipmentsWithReference(key);
    expect(made).toHaveLength(3);
    expect(made.filter((s) => s.teamId === acme.id && s.environment === "live")).toHaveLength(1);
  });

  it("without a key, every request creates a shipment", async () => {
    const reference = newKey();
    await post(acmeTest.token, undefined, parcel(reference));
    await post(acmeTest.token, undefined, parcel(reference));
    expect(await shipmentsWithReference(reference)).toHaveLength(2);
  });

  it.each([
    ["an empty key", ""],
    ["a key of 256 characters", "k".repeat(256)],
    ["a key with a character outside printable ASCII", "order-\u00e9"],
  ])("refuses %s with 400 invalid_request naming the header", async (_name, key) => {
    const reference = newKey();
    const res = await post(acmeTest.token, key, parcel(reference));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("invalid_request");
    expect(Object.keys(error.fields)).toEqual(["idempotency-key"]);
    expect(await shipmentsWithReference(reference)).toHaveLength(0);
  });

  it("keeps no answer for a request that fails validation: fixed, the same key then runs", async () => {
    const key = newKey();
    const invalid = await post(acmeTest.token, key, { ...parcel(key), weight_grams: 0 });
    expect(invalid.status).toBe(400);
    const fixed = await post(acmeTest.token, key, parcel(key));
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get("idempotent-replayed")).toBeNull();
  });

  it("accepts a 255-character key of printable characters", async () => {
    const reference = newKey();
    const key = `${reference} ~!`.padEnd(255, "x");
    expect((await post(acmeTest.token, key, parcel(reference))).status).toBe(201);
    expect((await post(acmeTest.token, key, parcel(reference))).headers.get("idempotent-replayed")).toBe("true");
    const db = await getDb();
    expect(
      await db
        .select({ id: shipments.id })
        .from(shipments)
        .where(and(eq(shipments.reference, reference), eq(shipments.teamId, acme.id))),
    ).toHaveLength(1);
  });
});

describe("request bodies", () => {
  // A valid shipment whose extra field (ignored by the schema) nests `depth` levels in all.
  const nested = (reference: string, depth: number) =>
    JSON.stringify(parcel(reference)).replace(/}$/, `,"extra":${"[".repeat(depth - 1)}${"]".repeat(depth - 1)}}`);

  it("refuses a body nested 10,000 deep with 400 invalid_request naming the problem, with or without a key", async () => {
    for (const headers of [{ "Idempotency-Key": newKey() }, {}] as Record<string, string>[]) {
      const reference = newKey();
      const res = await apiFetch(api, "/v1/shipments", {
        method: "POST",
        token: acmeTest.token,
        body: nested(reference, 10_000),
        headers,
      });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toEqual({
        code: "invalid_request",
        message: "The request body is nested more than 64 levels deep.",
      });
      expect(await shipmentsWithReference(reference)).toHaveLength(0);
    }
  });

  it("accepts a body nested 64 deep, and replays it", async () => {
    const key = newKey();
    const send = () =>
      apiFetch(api, "/v1/shipments", {
        method: "POST",
        token: acmeTest.token,
        body: nested(key, 64),
        headers: { "Idempotency-Key": key },
      });
    expect((await send()).status).toBe(201);
    expect((await send()).headers.get("idempotent-replayed")).toBe("true");
    const deeper = await apiFetch(api, "/v1/shipments", {
      method: "POST",
      token: acmeTest.token,
      body: nested(key, 65),
    });
    expect(deeper.status).toBe(400);
    // Brackets and escaped quotes inside strings are text, not depth.
    const address = `Flat "[{${"[".repeat(100)}\\", ${"{".repeat(100)} Road`;
    const inStrings = await apiFetch(api, "/v1/shipments", {
      method: "POST",
      token: acmeTest.token,
      body: JSON.stringify({ ...parcel(key), recipient: { name: "Ada", address } }),
    });
    expect(inStrings.status).toBe(201);
    expect((await inStrings.json()).recipient.address).toBe(address);
  });

  it("refuses a JSON body that is not valid UTF-8 with 400 invalid_request, storing nothing", async () => {
    const reference = newKey();
    const json = JSON.stringify({ ...parcel(reference), recipient: { name: "Ada XX", address: "London" } });
    const body = Buffer.from(json, "utf8");
    body.set([0xff, 0xfe], body.indexOf("XX")); // "Ada \xff\xfe": not UTF-8, once U+FFFD twice
    for (const headers of [{ "Idempotency-Key": newKey() }, {}] as Record<string, string>[]) {
      const res = await apiFetch(api, "/v1/shipments", { method: "POST", token: acmeTest.token, body, headers });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toEqual({
        code: "invalid_request",
        message: "The request body is not valid UTF-8.",
      });
    }
    expect(await shipmentsWithReference(reference)).toHaveLength(0);
    // The same body as UTF-8 is accepted, and what was sent is what is stored.
    const valid = await apiFetch(api, "/v1/shipments", {
      method: "POST",
      token: acmeTest.token,
      body: Buffer.from(json.replace("XX", "\u00e9\u00e8"), "utf8"),
    });
    expect(valid.status).toBe(201);
    expect((await valid.json()).recipient.name).toBe("Ada éè");
  });

  it("refuses a body that is not JSON with 400 invalid_request", async () => {
    const res = await apiFetch(api, "/v1/shipments", { method: "POST", token: acmeTest.token, body: "{not json" });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toEqual({ code: "invalid_request", message: "The request body must be JSON." });
  });

  it("refuses a body sent as another media type with 415 unsupported_media_type", async () => {
    const res = await apiFetch(api, "/v1/shipments", {
      method: "POST",
      token: acmeTest.token,
      body: JSON.stringify(parcel("as-text")),
      headers: { "content-type": "text/plain" },
    });
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe("unsupported_media_type");
    expect(await shipmentsWithReference("as-text")).toHaveLength(0);
  });
});
