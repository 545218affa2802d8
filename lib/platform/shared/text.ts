// One rule for every line of text a person or an integration types (names, team names, shipment
// fields): printable text in any script — accents, CJK, emoji — and nothing that is not.
import { z } from "zod";

export const PLAIN_TEXT_MESSAGE = "Use letters, numbers and punctuation only (no control characters).";

// Refused: control characters (C0 incl. NUL, tab and line breaks, DEL, C1), the Unicode line and
// paragraph separators (every value is one line), and the bidirectional embeddings, overrides and
// isolates (U+202A–U+202E, U+2066–U+2069) that make text display in another order than it is
// stored ("Trojan Source"). The left-to-right and right-to-left marks (U+200E, U+200F, U+061C) stay
// allowed: they reorder nothing beyond the neutral character beside them, and mixed Hebrew or Arabic
// text needs them to place punctuation.
const NOT_PLAIN = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

export const isPlainText = (text: string) => !NOT_PLAIN.test(text);

/** A trimmed single-line string that refuses control characters and bidi overrides; add min/max after it. */
export function plainText(params?: { error?: string }) {
  return z.string(params).trim().refine(isPlainText, PLAIN_TEXT_MESSAGE);
}
