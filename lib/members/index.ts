// lib/members's face: the only path other folders import. (./member-changes.ts is internal.)
export * from "./invitations";
export * from "./members";
export * from "./schemas";
export * from "./shared";
