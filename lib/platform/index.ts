// lib/platform's face: the only path other folders import.
export * from "./api-origin";
export * from "./auth-secret";
export * from "./client-address";
export * from "./config";
export * from "./idempotency";
export * from "./log";
export * from "./mail";
export * from "./outage";
export * from "./process-state";
export * from "./security-headers";
export * from "./server-action-request";
export * from "./shutdown";
export * from "./throttle";
export * from "./shared";
