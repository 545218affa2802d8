// What the e2e server mailed. It runs without SMTP_URL, so each message is an .eml file under
// .data/mail/ (lib/platform/mail.ts): read back here with mailparser, as a mail client would.
import fs from "node:fs/promises";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { simpleParser, type ParsedMail } from "mailparser";

const MAIL_DIRECTORY = path.join(".data", "mail");

/** The messages to `address` so far, oldest first (file names start with the time they were written). */
export async function mailsTo(address: string): Promise<ParsedMail[]> {
  const names = (await fs.readdir(MAIL_DIRECTORY).catch(() => [] as string[])).filter((n) => n.endsWith(".eml")).sort();
  const found: ParsedMail[] = [];
  for (const name of names) {
    const raw = await fs.readFile(path.join(MAIL_DIRECTORY, name));
    if (!raw.includes(address)) continue; // most files are other tests' mail
    const mail = await simpleParser(raw);
    const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
    if (to.some((a) => a.value.some((v) => v.address === address))) found.push(mail);
  }
  return found;
}

/** Waits for the `count`-th message to `address` (sending is in the background) and returns it. */
export async function waitForMail(address: string, count = 1): Promise<ParsedMail> {
  let mails: ParsedMail[] = [];
  await expect
    .poll(async () => (mails = await mailsTo(address)).length, { message: `mail to ${address}`, timeout: 15_000 })
    .toBeGreaterThanOrEqual(count);
  return mails[count - 1];
}

/** The path of the sign-up or verification link in a message (it carries the token). */
export function linkIn(mail: ParsedMail): string {
  const match = /https?:\/\/[^\s/]+(\/verify-email\/[A-Za-z0-9_-]{43})/.exec(mail.text ?? "");
  if (!match) throw new Error(`no link in "${mail.subject}"`);
  return match[1];
}

/**
 * Signs up through the form and the mailbox, as a person would: the form, "Check your email", the link
 * in the message, the password again. Ends in the new team's dashboard.
 */
export async function signUpThroughMail(page: Page, person: { name: string; email: string; password: string }) {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const mail = await waitForMail(person.email);
  expect(mail.subject).toBe("Finish creating your eCourier account");
  await page.goto(linkIn(mail));
  await expect(page.getByRole("heading", { name: "Finish creating your account" })).toBeVisible();
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard\/[^/]+\/test\/developers\/api-credentials/);
}
