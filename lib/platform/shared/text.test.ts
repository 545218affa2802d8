import { describe, expect, it } from "vitest";
import { CredentialName } from "@/lib/credentials/shared/schemas";
import { SignUpInput } from "@/lib/auth/schemas";
import { AcceptAsNewUserInput, CreateTeamInput } from "@/lib/members/schemas";
import { CreateShipment } from "@/lib/shipments/schemas";
import { BROKEN_TEXT_MESSAGE, NAME_INVISIBLE_MESSAGE, PLAIN_TEXT_MESSAGE } from "./text";

const refused = {
  NUL: "a\u0000b",
  "U+0001": "a\u0001b",
  tab: "a\tb",
  newline: "a\nb",
  "carriage return": "a\rb",
  DEL: "a\u007fb",
  "a C1 control": "a\u0085b",
  "line separator": "a\u2028b",
  "right-to-left override": "invoice\u202Egnp.exe",
  "left-to-right embedding": "a\u202Ab",
  "pop directional formatting": "a\u202Cb",
  "first-strong isolate": "a\u2068b",
  "pop directional isolate": "a\u2069b",
};
const allowed = ["Zoë Ærøskøbing", "東京 配送", "Équipe 🚚", "שלום\u200F (IL)", "O’Brien & Co. #2"];

// Every text field a person or an integration types, each with the input around it valid.
const fields: Record<string, (text: string) => { success: boolean; error?: { issues: { message: string }[] } }> = {
  "sign-up name": (name) =>
    SignUpInput.safeParse({ name, email: "new@example.com", password: "a-long-enough-password" }),
  "invitation name": (name) =>
    AcceptAsNewUserInput.safeParse({ token: "A".repeat(43), name, password: "a-long-enough-password" }),
  "team name": (name) => CreateTeamInput.safeParse({ name }),
  "credential name": (name) => CredentialName.safeParse(name),
  "shipment reference": (reference) =>
    CreateShipment.safeParse({ reference, recipient: { name: "Ada", address: "London" }, weight_grams: 1 }),
  "recipient name": (name) => CreateShipment.safeParse({ recipient: { name, address: "London" }, weight_grams: 1 }),
  "recipient address": (address) => CreateShipment.safeParse({ recipient: { name: "Ada", address }, weight_grams: 1 }),
};

describe.each(Object.entries(fields))("%s", (_, parse) => {
  it.each(Object.entries(refused))("refuses %s with one clear message", (_, text) => {
    const result = parse(text);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([PLAIN_TEXT_MESSAGE]);
  });

  it("accepts accents, other scripts, emoji and direction marks", () => {
    for (const text of allowed) expect(parse(text).success).toBe(true);
  });
});

// ---- Issue 26: names made of nothing, and lone surrogates.

// Each shows as nothing, or as blank space: a name made only of them is a blank row.
const invisible = {
  "a zero-width space": "\u200b",
  "a Hangul filler": "\u3164",
  "a halfwidth Hangul filler": "\uffa0",
  "Hangul choseong and jungseong fillers": "\u115f\u1160",
  "a soft hyphen": "\u00ad",
  "left-to-right and right-to-left marks": "\u200e\u200f",
  "an Arabic letter mark": "\u061c",
  "a zero-width joiner and non-joiner": "\u200d\u200c",
  "a word joiner and a byte order mark inside spaces": " \u2060\ufeff ",
  "the blank Braille pattern": "\u2800\u2800",
  "a combining accent with nothing to sit on": "\u0301",
  "a variation selector": "\ufe0f",
  "tag characters": "\u{e0041}\u{e0042}",
  "a Mongolian vowel separator": "\u180e",
};
// Invisible characters beside visible ones are not the rule's business (a ZWJ emoji needs them).
const visibleWithInvisible = ["Ada\u200b", "\u3164Bob", "👩\u200d💻 Team", "e\u0301", "שלום\u200F"];

// White space of any width is trimmed away: what is left is an empty name.
const blank = {
  "ideographic and no-break spaces": "\u3000\u00a0\u202f",
  "an em space and a thin space": "\u2003 \u2009",
};

type Name = { max: number; required: string; parse: (name: string) => ReturnType<(typeof fields)[string]> };
const names: Record<string, Name> = {
  "sign-up name": { max: 100, required: "Enter your name.", parse: fields["sign-up name"] },
  "invitation name": { max: 100, required: "Enter your name.", parse: fields["invitation name"] },
  "team name": { max: 64, required: "Enter a name.", parse: fields["team name"] },
  "credential name": { max: 64, required: "Enter a name.", parse: fields["credential name"] },
  "recipient name": { max: 100, required: "Enter a name.", parse: fields["recipient name"] },
};
const messages = (result: ReturnType<(typeof fields)[string]>) => result.error?.issues.map((i) => i.message);

describe.each(Object.entries(names))("%s (the one name rule)", (_, { max, required, parse }) => {
  it.each(Object.entries(invisible))("refuses a name made only of %s, saying why", (_, name) => {
    expect(messages(parse(name))).toEqual([NAME_INVISIBLE_MESSAGE]);
  });

  it.each(Object.entries(blank))("asks for a name when given only %s", (_, name) => {
    expect(messages(parse(name))).toEqual([required]);
  });

  it("accepts invisible characters beside visible ones", () => {
    for (const name of visibleWithInvisible) expect(parse(name).success).toBe(true);
  });

  it(`takes up to ${max} characters, counting an emoji as one`, () => {
    expect(parse("🚚".repeat(max)).success).toBe(true);
    expect(messages(parse("🚚".repeat(max + 1)))).toEqual([`Use at most ${max} characters.`]);
  });
});

const loneSurrogates = {
  "a lone high surrogate inside": "A\ud800Z",
  "a lone low surrogate": "\udc00",
  "a pair cut short at the end": "Truck \ud83d",
  "a pair the wrong way round": "\ude9a\ud83d",
};

describe.each(Object.entries(fields))("%s", (_, parse) => {
  it.each(Object.entries(loneSurrogates))("refuses %s rather than store it as U+FFFD", (_, text) => {
    expect(messages(parse(text))).toEqual([BROKEN_TEXT_MESSAGE]);
  });
});
