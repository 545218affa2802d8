// lib/auth's client-safe face: what a browser may load.
export * from "./password-strength";
