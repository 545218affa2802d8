// lib/teams's client-safe face: what a browser bundle (or the edge) may import.
export * from "./dto";
export * from "./permissions";
export * from "./schemas";
export * from "./scope";
