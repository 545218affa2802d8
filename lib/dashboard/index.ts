// lib/dashboard's face: the only path other folders import.
export * from "./action";
export * from "./api-base-url";
export * from "./auth-js";
export * from "./current-user";
export * from "./page-guard";
