import { describe, expect, it } from "vitest";
import { CredentialName } from "@/lib/credentials/shared/schemas";
import { SignUpInput } from "@/lib/auth/schemas";
import { AcceptAsNewUserInput, CreateTeamInput } from "@/lib/members/schemas";
import { CreateShipment } from "@/lib/shipments/schemas";
import { PLAIN_TEXT_MESSAGE } from "./text";

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
