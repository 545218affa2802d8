// lib/credentials's client-safe face: what a browser bundle (or the edge) may import.
export * from "./addresses";
export * from "./dto";
export * from "./expiry";
export * from "./expiry-rules";
export * from "./schemas";
export * from "./state";
