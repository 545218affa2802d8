// The methods a path is served with, for 405's Allow header: worked out only when a request found
// no route (from app.notFound), so a known path costs the hot path nothing.
import type { Hono } from "hono";
import { TrieRouter } from "hono/router/trie-router";

/**
 * Allowed methods per path, from the app's routes (GET implies HEAD). Middleware is not an
 * endpoint: routes for every method ("ALL") and wildcard paths ("/v1/*") are left out.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Hono app: only its route table is read
export function allowedMethodsOf(app: Hono<any>): (path: string) => string[] {
  let router: TrieRouter<string[]> | undefined;
  const build = () => {
    const byPath = new Map<string, Set<string>>();
    for (const route of app.routes) {
      if (route.method === "ALL" || route.method === "HEAD" || route.path.endsWith("*")) continue;
      const methods = byPath.get(route.path) ?? new Set<string>();
      methods.add(route.method);
      if (route.method === "GET") methods.add("HEAD");
      byPath.set(route.path, methods);
    }
    const built = new TrieRouter<string[]>();
    for (const [path, methods] of byPath) built.add("ALL", path, [...methods]);
    return built;
  };
  return (path) => {
    router ??= build();
    const methods = new Set<string>();
    for (const [found] of router.match("ALL", path)[0]) for (const method of found) methods.add(method);
    return [...methods];
  };
}
