// lib/accounts's face: the only path other folders import. Signing up, and proving an email address,
// through links mailed to it.
export * from "./links";
export * from "./mails";
export * from "./messages";
export * from "./schemas";
export * from "./sign-up";
export * from "./verification";
