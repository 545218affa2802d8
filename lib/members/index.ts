// lib/members's face: the only path other folders import.
export * from "./members";
export * from "./schemas";
export * from "./shared";
