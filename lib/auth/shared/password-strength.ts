// How strong a new password must be — one rule for the server's check (lib/auth/password-strength.ts)
// and the browser's live hint (app/(auth)/_components/password-estimator.ts): zxcvbn-ts's score, with
// the person's own email and name among the words it knows, so "nina.newcomer2024" is not strong for Nina.

/** zxcvbn's scale is 0–4; 3 is "safely unguessable: moderate protection from an offline slow-hash scenario". */
export const MIN_PASSWORD_SCORE = 3;

/**
 * zxcvbn-ts's options besides its dictionaries. Its matching costs grow fast with length: 72
 * characters of a short repeated pattern took up to 0.9 s; judging the first 40 keeps the worst case
 * near 0.2 s (a password whose first 40 characters are weak is refused, which is fine), and fewer
 * l33t substitutions cut "0000000000" from 0.6 s to 0.05 s without changing a verdict we tried.
 */
export const PASSWORD_STRENGTH_OPTIONS = { maxLength: 40, l33tMaxSubstitutions: 10 } as const;

/**
 * The words of a person's own that a password should not be made of: the email, its local part, the
 * name, each with and without its separators ("ninanewcomer"), and their parts.
 */
export function passwordUserInputs(person: { email?: string; name?: string }): string[] {
  const email = (person.email ?? "").trim().toLowerCase();
  const name = (person.name ?? "").trim().toLowerCase();
  const local = email.split("@")[0];
  const joined = (text: string) => text.replace(/[\s.'’+_-]+/g, "");
  const words = [
    email,
    local,
    joined(local),
    name,
    joined(name),
    ...email.split(/[@.+_-]+/),
    ...name.split(/[\s.'’-]+/),
  ];
  return [...new Set(words.filter((word) => word.length >= 3))];
}

/** What zxcvbn says about a password, as both sides use it. */
export type PasswordVerdict = { score: number; warning: string | null; suggestions: string[] };

/** The field's message for a password too easy to guess (zxcvbn's own words), or null when it is strong enough. */
export function weakPasswordFeedback(verdict: PasswordVerdict): string | null {
  if (verdict.score >= MIN_PASSWORD_SCORE) return null;
  const suggestions = verdict.suggestions.length
    ? verdict.suggestions
    : ["Add another word or two. Uncommon words are better."];
  return [verdict.warning || "This password is easy to guess.", ...suggestions].join(" ");
}
