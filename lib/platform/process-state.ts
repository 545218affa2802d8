// The one registry of in-process state (docs/architecture.md, "Where state lives").
// One process loads lib/ more than once: Next.js bundles it (route handlers and server actions can
// even get copies of their own) and server.ts loads it again for the API. Module-level state would
// exist once per copy, so a throttle counted through one entry point would not be seen by another.
// Everything a process keeps between requests is created here instead, keyed by name on
// globalThis, so every copy of every module gets the same object.
//
// A leaf with no imports, so any layer (db/ included) may use it.

const REGISTRY = Symbol.for("ecourier.process-state");

type Registry = Map<string, unknown>;

function registry(): Registry {
  const holder = globalThis as typeof globalThis & { [REGISTRY]?: Registry };
  return (holder[REGISTRY] ??= new Map());
}

/** The process's one instance of `name`, created on first use. */
export function processState<T>(name: string, create: () => T): T {
  const entries = registry();
  if (!entries.has(name)) entries.set(name, create());
  return entries.get(name) as T;
}

/** What `name` holds, without creating it. */
export function peekProcessState<T>(name: string): T | undefined {
  return registry().get(name) as T | undefined;
}

/** Removes `name` and returns what it held (the database client on close or a failed open). */
export function takeProcessState<T>(name: string): T | undefined {
  const entries = registry();
  const value = entries.get(name) as T | undefined;
  entries.delete(name);
  return value;
}
