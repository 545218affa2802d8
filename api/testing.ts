// Test-only helpers for the /v1 integration tests: the Hono app on a real port, and teams and
// credential rows inserted straight into the database with freshly generated tokens.
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { apiCredentials, credentialEvents, teams } from "@/db/schema";
import type { Environment } from "@/lib/platform/shared";
import { displayToken, enable, generateToken, hashToken, revoke } from "@/lib/credentials";
import { assertMatchesDocument } from "./openapi-contract";
import { createApiServer } from "./server";

export type RunningApi = { url: string; close: () => Promise<void> };

/**
 * The API server as api/standalone.ts runs it, on a free port. By default behind one trusted proxy
 * (the test is that proxy): `apiFetch`'s `address` is the client address a proxy would have appended.
 */
export async function startApi(options = { trustedProxyHops: 1 }): Promise<RunningApi> {
  const server = createApiServer(options);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

let teamCount = 0;

export async function createTeam(name = "Team") {
  const db = await getDb();
  const [team] = await db
    .insert(teams)
    .values({ slug: `team-${++teamCount}-${Date.now()}`, name })
    .returning({ id: teams.id, name: teams.name, slug: teams.slug });
  return team;
}

/** A credential row straight into the database, with no activity event: the real one is lib/credentials/commands.ts createCredential. */
export async function insertCredentialRow(teamId: string, environment: Environment, name = `${environment} key`) {
  const db = await getDb();
  const token = generateToken(environment);
  const tokenHash = hashToken(token);
  const [row] = await db
    .insert(apiCredentials)
    .values({ teamId, environment, name, tokenHash, tokenDisplay: displayToken(token) })
    .returning({ id: apiCredentials.id });
  return { id: row.id, name, token, tokenHash };
}

/** Revokes or enables a credential through the store's transitions (the only writers of its state). */
export async function setCredentialStatus(id: string, status: "active" | "revoked") {
  const db = await getDb();
  const where = eq(apiCredentials.id, id);
  await (status === "revoked" ? revoke(db, where, "manual") : enable(db, where));
}

export async function deleteCredential(id: string) {
  const db = await getDb();
  await db.delete(apiCredentials).where(eq(apiCredentials.id, id));
}

export async function lastUsedAt(id: string): Promise<Date | null> {
  const db = await getDb();
  const [row] = await db
    .select({ at: apiCredentials.lastUsedAt })
    .from(apiCredentials)
    .where(eq(apiCredentials.id, id));
  return row?.at ?? null;
}

/** A credential's status and leak record, as a leak report or a public revoke leaves them. */
export async function storedCredential(id: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      status: apiCredentials.status,
      reason: apiCredentials.revokedReason,
      leakedAt: apiCredentials.leakedAt,
      url: apiCredentials.leakUrl,
      source: apiCredentials.leakSource,
      updatedAt: apiCredentials.updatedAt,
    })
    .from(apiCredentials)
    .where(eq(apiCredentials.id, id));
  return row;
}

/** A credential's activity events: what happened, by whom (null: not a member), with which details. */
export async function credentialEventsOf(id: string) {
  const db = await getDb();
  return db
    .select({ action: credentialEvents.action, actor: credentialEvents.actorUserId, details: credentialEvents.details })
    .from(credentialEvents)
    .where(eq(credentialEvents.credentialId, id));
}

/** The code of an error answer ({ error: { code, message } }). */
export const errorCodeOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

let addressCount = 0;

/** A distinct client address per call site, so throttling in one test does not leak into another. */
export function freshAddress(): string {
  return `198.51.100.${++addressCount}`;
}

/**
 * fetch against the API with an optional token and client address (x-forwarded-for, as a proxy in
 * front would append it). Every answer is checked against the OpenAPI document first (status
 * documented for the route, body valid for it): a test that gets an undocumented answer fails.
 */
export async function apiFetch(
  api: RunningApi,
  path: string,
  init: RequestInit & { token?: string; address?: string } = {},
) {
  const { token, address, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (token !== undefined) headers.set("authorization", `Bearer ${token}`);
  headers.set("x-forwarded-for", address ?? "203.0.113.1");
  if (rest.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  const url = `${api.url}${path}`;
  const res = await fetch(url, { ...rest, headers });
  await assertMatchesDocument(rest.method ?? "GET", url, res);
  return res;
}

/**
 * A POST whose headers announce a JSON body of `length` bytes, of which only the first kilobyte is
 * ever sent: its answer, or a failure when none comes within 5 s — what a server that reads the body
 * before answering does. Proves a refusal came before the body was read.
 */
export function postWithUnfinishedBody(
  api: RunningApi,
  path: string,
  options: { address: string; length: number; headers?: Record<string, string> },
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  const { hostname, port } = new URL(api.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      hostname,
      port,
      method: "POST",
      path,
      headers: {
        ...options.headers,
        "content-type": "application/json",
        "content-length": String(options.length),
        "x-forwarded-for": options.address,
      },
    });
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        req.destroy();
      });
    });
    req.on("error", reject);
    req.setTimeout(5_000, () => {
      reject(new Error("no answer within 5 s: the server is waiting for the body"));
      req.destroy();
    });
    req.write("[" + " ".repeat(Math.min(1024, options.length) - 1));
  });
}
