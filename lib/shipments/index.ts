// lib/shipments's face: the only path other folders import.
export * from "./schemas";
export * from "./shipments";
