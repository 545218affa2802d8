// lib/credentials's face: the only path other folders import.
export * from "./commands";
export * from "./leaks";
export * from "./lifecycle";
export * from "./queries";
export * from "./store";
export * from "./tokens";
export * from "./shared";
