// /v1/shipments over real HTTP: creation and validation, newest-first pages, and isolation —
// a key sees only its own team's shipments in its own environment.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { shipments } from "@/db/schema";
import { apiFetch, insertCredentialRow, createTeam, startApi, type RunningApi } from "../testing";

let api: RunningApi;
let acmeTest: { id: string; token: string };
let acmeLive: { id: string; token: string };
let globexTest: { id: string; token: string };

beforeAll(async () => {
  api = await startApi();
  const acme = await createTeam("Acme Logistics");
  const globex = await createTeam("Globex Freight");
  acmeTest = await insertCredentialRow(acme.id, "test");
  acmeLive = await insertCredentialRow(acme.id, "live");
  globexTest = await insertCredentialRow(globex.id, "test");
});

afterAll(() => api.close());

const parcel = (n = 1) => ({
  reference: `ORDER-${n}`,
  recipient: { name: "Ada Lovelace", address: "12 St James's Square, London" },
  weight_grams: 1200 + n,
});

async function create(token: string, body: unknown) {
  return apiFetch(api, "/v1/shipments", { method: "POST", token, body: JSON.stringify(body) });
}

async function createOk(token: string, body: unknown = parcel()) {
  const res = await create(token, body);
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; environment: string };
}

async function list(token: string, query = "") {
  const res = await apiFetch(api, `/v1/shipments${query}`, { token });
  expect(res.status).toBe(200);
  return (await res.json()) as { data: { id: string; reference: string }[]; has_more: boolean };
}

describe("POST /v1/shipments", () => {
  it("creates a shipment in the key's team and environment and answers 201 with it", async () => {
    const res = await create(acmeTest.token, parcel(7));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      object: "shipment",
      environment: "test",
      reference: "ORDER-7",
      recipient: { name: "Ada Lovelace", address: "12 St James's Square, London" },
      weight_grams: 1207,
      status: "created",
      created_at: expect.any(String),
    });
    expect(Math.abs(Date.parse(body.created_at) - Date.now())).toBeLessThan(60_000);
    const db = await getDb();
    const [row] = await db.select().from(shipments).where(eq(shipments.id, body.id));
    expect(row).toMatchObject({ environment: "test", createdByCredentialId: acmeTest.id, status: "created" });
  });

  it("accepts a shipment without a reference", async () => {
    const withoutReference = { recipient: parcel().recipient, weight_grams: 500 };
    expect(await (await create(acmeTest.token, withoutReference)).json()).toMatchObject({
      reference: null,
      weight_grams: 500,
    });
  });

  it("refuses invalid input with 400 invalid_request naming each bad field", async () => {
    const res = await create(acmeTest.token, {
      reference: "R".repeat(65),
      recipient: { name: "", address: "x".repeat(301) },
      weight_grams: 70_001,
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("invalid_request");
    expect(Object.keys(error.fields).sort()).toEqual([
      "recipient.address",
      "recipient.name",
      "reference",
      "weight_grams",
    ]);
    for (const field of Object.keys(error.fields)) expect(error.message).toContain(field);
  });

  it.each([
    ["a fractional weight", { ...parcel(), weight_grams: 1.5 }, "weight_grams"],
    ["a zero weight", { ...parcel(), weight_grams: 0 }, "weight_grams"],
    ["a weight as a string", { ...parcel(), weight_grams: "100" }, "weight_grams"],
    ["no recipient", { weight_grams: 100 }, "recipient"],
    ["a blank recipient name", { ...parcel(), recipient: { name: "   ", address: "A" } }, "recipient.name"],
    ["an array body", [parcel()], "(body)"],
  ])("refuses %s", async (_name, body, field) => {
    const res = await create(acmeTest.token, body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields).toHaveProperty([field]);
  });

  it.each([
    [
      "a NUL in the recipient's name",
      { ...parcel(), recipient: { name: "a\u0000b", address: "London" } },
      "recipient.name",
    ],
    [
      "a line break in the address",
      { ...parcel(), recipient: { name: "Ada", address: "12 St James's Square\nLondon" } },
      "recipient.address",
    ],
    ["a right-to-left override in the reference", { ...parcel(), reference: "ORDER-\u202E1042" }, "reference"],
  ])("refuses %s with 400 and a clear field message, storing nothing", async (_name, body, field) => {
    const db = await getDb();
    const before = (await db.select().from(shipments)).length;
    const res = await create(acmeTest.token, body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields).toEqual({
      [field]: "Use letters, numbers and punctuation only (no control characters).",
    });
    expect((await db.select().from(shipments)).length).toBe(before);
  });

  // Issue 26: a recipient name that shows as nothing, and lone surrogates (JSON "\ud800"), which
  // PostgreSQL would otherwise have stored as U+FFFD.
  it.each([
    [
      "a recipient name of zero-width spaces",
      { ...parcel(), recipient: { name: "\u200b\u200b", address: "London" } },
      "recipient.name",
      "Use at least one visible letter, number or symbol.",
    ],
    [
      "a recipient name of Hangul fillers",
      { ...parcel(), recipient: { name: "\u3164", address: "London" } },
      "recipient.name",
      "Use at least one visible letter, number or symbol.",
    ],
    [
      "a lone surrogate in the recipient's name",
      { ...parcel(), recipient: { name: "A\ud800Z", address: "London" } },
      "recipient.name",
      "Remove the broken character (an unpaired UTF-16 surrogate).",
    ],
    [
      "a lone surrogate in the reference",
      { ...parcel(), reference: "ORDER-\udc00" },
      "reference",
      "Remove the broken character (an unpaired UTF-16 surrogate).",
    ],
  ])("refuses %s with 400 and the field's message, storing nothing", async (_name, body, field, message) => {
    const db = await getDb();
    const before = (await db.select().from(shipments)).length;
    const res = await create(acmeTest.token, body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields).toEqual({ [field]: message });
    expect((await db.select().from(shipments)).length).toBe(before);
  });

  it("refuses a body that is not JSON", async () => {
    const res = await apiFetch(api, "/v1/shipments", { method: "POST", token: acmeTest.token, body: "{not json" });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: "invalid_request", message: expect.any(String) } });
  });
});

describe("GET /v1/shipments", () => {
  it("pages newest first with limit, starting_after and has_more", async () => {
    const team = await createTeam("Pager");
    const key = await insertCredentialRow(team.id, "test");
    const created = [];
    for (let n = 1; n <= 5; n++) created.push(await createOk(key.token, parcel(n)));
    const newestFirst = created.map((s) => s.id).reverse();

    const first = await list(key.token, "?limit=2");
    expect(first.data.map((s) => s.id)).toEqual(newestFirst.slice(0, 2));
    expect(first.has_more).toBe(true);
    const second = await list(key.token, `?limit=2&starting_after=${first.data[1].id}`);
    expect(second.data.map((s) => s.id)).toEqual(newestFirst.slice(2, 4));
    const last = await list(key.token, `?limit=2&starting_after=${second.data[1].id}`);
    expect(last.data.map((s) => s.id)).toEqual(newestFirst.slice(4));
    expect(last.has_more).toBe(false);
    expect((await list(key.token)).data).toHaveLength(5);
  });

  it.each(["?limit=0", "?limit=101", "?limit=ten", "?starting_after=not-an-id"])(
    "refuses %s with 400 invalid_request",
    async (query) => {
      const res = await apiFetch(api, `/v1/shipments${query}`, { token: acmeTest.token });
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe("invalid_request");
    },
  );
});

describe("isolation by team and environment", () => {
  it("a test-key shipment is invisible to the live key and to another team's key, and vice versa", async () => {
    const testShipment = await createOk(acmeTest.token);
    const liveShipment = await createOk(acmeLive.token);
    const globexShipment = await createOk(globexTest.token);
    expect(liveShipment.environment).toBe("live");

    const visible: [string, { id: string }, string[]][] = [
      [acmeTest.token, testShipment, [liveShipment.id, globexShipment.id]],
      [acmeLive.token, liveShipment, [testShipment.id, globexShipment.id]],
      [globexTest.token, globexShipment, [testShipment.id, liveShipment.id]],
    ];
    for (const [token, own, others] of visible) {
      expect((await apiFetch(api, `/v1/shipments/${own.id}`, { token })).status).toBe(200);
      const ids = (await list(token, "?limit=100")).data.map((s) => s.id);
      expect(ids).toContain(own.id);
      for (const other of others) {
        const res = await apiFetch(api, `/v1/shipments/${other}`, { token });
        expect(res.status).toBe(404);
        expect(await res.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
        expect(ids).not.toContain(other);
        // Another scope's id as a cursor reveals nothing either: an empty page.
        expect(await list(token, `?starting_after=${other}`)).toEqual({ data: [], has_more: false });
      }
    }
  });

  it("answers a malformed shipment id with 404 not_found", async () => {
    const res = await apiFetch(api, "/v1/shipments/12345", { token: acmeTest.token });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("not_found");
  });
});
