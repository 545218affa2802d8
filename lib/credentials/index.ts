// lib/credentials's face: the only path other folders import.
export * from "./credentials";
export * from "./leaks";
export * from "./lifecycle";
export * from "./store";
export * from "./tokens";
export * from "./shared";
