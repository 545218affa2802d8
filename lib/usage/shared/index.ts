// lib/usage's client-safe face: what a browser bundle (or the edge) may import.
export * from "./dto";
