// lib/auth's face: the only path other folders import.
export * from "./devices";
export * from "./password-strength";
export * from "./schemas";
export * from "./sessions";
export * from "./sign-in";
export * from "./sign-in-throttle";
export * from "./sudo";
export * from "./users";
export * from "./shared";
