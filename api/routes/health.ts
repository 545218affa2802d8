// GET /v1/health: liveness for load balancers; needs no credential and reveals nothing.
import { Hono } from "hono";

export const health = new Hono().get("/", (c) => c.json({ status: "ok" }));
