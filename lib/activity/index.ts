// lib/activity's face: the only path other folders import.
export * from "./activity";
