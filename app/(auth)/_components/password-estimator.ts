// The browser's copy of the server's strength check (lib/auth/password-strength.ts), with the same
// dictionaries and options, so the live hint and the server's verdict agree. About 0.9 MB gzipped:
// loaded with import() only once someone types a new password, never with the page.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import { PASSWORD_STRENGTH_OPTIONS, passwordUserInputs, weakPasswordFeedback } from "@/lib/auth/shared";

let zxcvbn: ZxcvbnFactory | undefined;

/** zxcvbn's feedback for a password too easy to guess, or null when it is strong enough. */
export function passwordFeedback(password: string, person: { email?: string; name?: string }): string | null {
  zxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
    ...PASSWORD_STRENGTH_OPTIONS,
  });
  const { score, feedback } = zxcvbn.check(password, passwordUserInputs(person));
  return weakPasswordFeedback({ score, warning: feedback.warning, suggestions: feedback.suggestions });
}
