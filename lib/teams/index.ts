// lib/teams's face: the only path other folders import.
export * from "./access";
export * from "./settings";
export * from "./teams";
export * from "./shared";
