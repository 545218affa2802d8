// lib/dashboard's face: the only path other folders import.
export * from "./action-guard";
export * from "./auth-js";
export * from "./current-user";
export * from "./outage";
export * from "./page-guard";
export * from "./request-origin";
export * from "./snippet-api-origin";
