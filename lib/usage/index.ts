// lib/usage's face: the only path other folders import.
export * from "./counter";
export * from "./demo";
export * from "./queries";
export * from "./recording";
export * from "./shared";
