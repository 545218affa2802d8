// GET /v1/me: which team, environment and credential the caller's token stands for.
import { Hono } from "hono";
import type { ApiEnv } from "../context";
import { principalOf } from "../principal";

export const me = new Hono<ApiEnv>().get("/", (c) => {
  const { team, environment, credential } = principalOf(c);
  return c.json({ team, environment, credential });
});
