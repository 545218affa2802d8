// lib/api-access's face: the only path other folders import.
export * from "./verify";
