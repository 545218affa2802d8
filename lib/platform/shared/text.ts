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

export const BROKEN_TEXT_MESSAGE = "Remove the broken character (an unpaired UTF-16 surrogate).";

// A lone UTF-16 surrogate ("A\ud800Z" in JSON) is not a character: stored, it would silently become
// U+FFFD. In a /u expression a proper pair is one code point, so only a lone half matches.
const LONE_SURROGATE = /\p{Cs}/u;

export const isWellFormedText = (text: string) => !LONE_SURROGATE.test(text);

/**
 * A trimmed single-line string that refuses control characters, bidi overrides and lone surrogates;
 * add min/max after it.
 */
export function plainText(params?: { error?: string }) {
  return (
    z
      .string(params)
      .trim()
      // Broken text is not looked at further: one message, not one per rule it also breaks.
      .refine(isWellFormedText, { message: BROKEN_TEXT_MESSAGE, abort: true })
      .refine(isPlainText, PLAIN_TEXT_MESSAGE)
  );
}

// ---- Names: a person's, a team's, a credential's, a shipment's recipient. One rule for all of them.

export const NAME_INVISIBLE_MESSAGE = "Use at least one visible letter, number or symbol.";

// What shows: not white space (U+3000 and the other wide ones included), nothing the Unicode standard
// says to display as nothing (Default_Ignorable_Code_Point: zero-width space, soft hyphen, direction
// marks, Hangul fillers U+3164 and U+FFA0, variation selectors, tags), no format or unassigned code
// point, no combining mark with nothing to sit on, and not the blank Braille pattern U+2800.
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Cs}\p{Cn}\p{M}\u2800]/u;

export const hasVisibleCharacter = (text: string) => VISIBLE.test(text);

/** Characters as PostgreSQL counts them (code points), not UTF-16 units: an emoji is one. */
export const characterCount = (text: string) => [...text].length;

/**
 * The one rule for a name: plain text, 1 to `max` characters, at least one of them visible. A name of
 * zero-width spaces or Hangul fillers would show as a blank row that nobody can tell apart or click.
 */
export function nameText({ max, required = "Enter a name." }: { max: number; required?: string }) {
  return (
    plainText({ error: required })
      .min(1, required)
      .refine((name) => name === "" || hasVisibleCharacter(name), NAME_INVISIBLE_MESSAGE)
      .refine((name) => characterCount(name) <= max, `Use at most ${max} characters.`)
      // For the OpenAPI document: JSON Schema's maxLength counts code points too, as the check above does.
      .meta({ maxLength: max })
  );
}
