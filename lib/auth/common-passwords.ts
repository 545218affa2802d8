// The most common passwords (zxcvbn-ts's list of about 49,000, from leaked-password corpora, all
// lower-case). It is 380 KB, so it stays on the server: "server-only" fails a build that would ship
// it to a browser. The forms are server actions, so the server is where passwords are checked anyway.
import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

const COMMON_PASSWORDS = new Set(dictionary["passwords-common"]);

export const isCommonPassword = (password: string) => COMMON_PASSWORDS.has(password.toLowerCase());
