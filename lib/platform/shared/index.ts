// lib/platform's client-safe face: what a browser bundle (or the edge) may import.
export * from "./action-result";
export * from "./csp";
export * from "./errors";
export * from "./idempotency-key";
export * from "./paths";
export * from "./terms";
export * from "./text";
