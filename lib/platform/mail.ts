// The product's outgoing mail (the design's "Mail"): SMTP through nodemailer when SMTP_URL is set;
// without it, each message is an .eml file under .data/mail/, so a demo shows real messages that any
// mail client opens. Links in mail start with APP_URL, else with the origin of the request that
// caused the message.
//
// Minimal on purpose: the retried, idempotent delivery from an outbox is issue 28's. Until then a
// message is sent in the background of the request that caused it — the request never waits for it
// and never fails because of it — and a failed send is logged by its subject (never its body, which
// holds a link's token). A process that dies mid-send loses that message; the person asks again.
import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { config } from "./config";
import { logError, logInfo } from "./log";
import { processState } from "./process-state";

export type Mail = { to: string; subject: string; text: string; html: string };

/** Where messages go without SMTP_URL, relative to the working directory (like .data/pglite). */
export const MAIL_DIRECTORY = path.join(".data", "mail");

type Outbox = { key: string; send: (mail: Mail) => Promise<void>; close: () => void };

const state = processState("mail", () => ({
  outbox: undefined as Outbox | undefined,
  inFlight: new Set<Promise<void>>(),
  said: new Set<string>(),
}));

/** Logs `text` once per process under `key`. */
function sayOnce(key: string, text: string) {
  if (state.said.has(key)) return;
  state.said.add(key);
  logInfo(text);
}

const mailFrom = () => config().MAIL_FROM ?? "eCourier <no-reply@localhost>";

function smtpOutbox(url: string): Outbox {
  const transport = nodemailer.createTransport({
    url,
    // Bounded, so a stalled server cannot keep a send (and its socket) open for ever.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    key: url,
    send: async (mail) => {
      await transport.sendMail({ from: mailFrom(), ...mail });
    },
    close: () => transport.close(),
  };
}

function fileOutbox(): Outbox {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const directory = path.resolve(MAIL_DIRECTORY);
  return {
    key: "files",
    send: async (mail) => {
      const { message } = await transport.sendMail({ from: mailFrom(), ...mail });
      await fs.mkdir(directory, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.eml`;
      // Readable by this user only: a message may hold a link that creates an account.
      await fs.writeFile(path.join(directory, name), message as Buffer, { mode: 0o600 });
      sayOnce(
        "files",
        `SMTP_URL is not set: mail is written to ${directory} as .eml files (open them in a mail client).`,
      );
    },
    close: () => transport.close(),
  };
}

/** The outbox for the configuration as it is now (tests point SMTP_URL elsewhere between messages). */
function outbox(): Outbox {
  const url = config().SMTP_URL;
  const key = url ?? "files";
  if (state.outbox?.key !== key) {
    state.outbox?.close();
    state.outbox = url ? smtpOutbox(url) : fileOutbox();
  }
  return state.outbox;
}

/** Sends one message now; rejects when it could not be handed over. Requests use sendInBackground. */
export function sendMail(mail: Mail): Promise<void> {
  return outbox().send(mail);
}

/**
 * Starts sending `mail` after this request's work and returns at once: the answer neither waits for
 * it nor depends on it. A failure is logged by its subject only.
 */
export function sendInBackground(mail: Mail): void {
  const sending = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => sendMail(mail))
    .catch((err) => logError("mail", `could not send "${mail.subject}"`, err))
    .finally(() => state.inFlight.delete(sending));
  state.inFlight.add(sending);
}

/** Resolves once every message started so far has been sent or has failed (tests; a stopping process). */
export async function mailInFlight(): Promise<void> {
  while (state.inFlight.size) await Promise.allSettled([...state.inFlight]);
}

/**
 * The origin a link in mail starts with: APP_URL, else the origin of the request that caused the
 * message. The request's Host header is the client's to choose, so production sets APP_URL (the log
 * says so once).
 */
export function mailLinkOrigin(requestOrigin: string): string {
  const configured = config().APP_URL;
  if (configured) return configured;
  sayOnce(
    "app url",
    "APP_URL is not set: links in mail use the origin each request came to. Set APP_URL to the dashboard's public origin so a forged Host header cannot change them.",
  );
  return requestOrigin.replace(/\/+$/, "");
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * A message with a plain-text part and an HTML part saying the same: paragraphs, then a button (and
 * the link written out, for mail clients that show no buttons), then the small print.
 */
export function composeMail(input: {
  to: string;
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  after?: string[];
}): Mail {
  const { to, subject, paragraphs, action, after = [] } = input;
  const text = [...paragraphs, ...(action ? [`${action.label}:\n${action.url}`] : []), ...after].join("\n\n") + "\n";
  const p = (body: string, style = "") => `<p style="margin:0 0 16px;${style}">${body}</p>`;
  const html = [
    "<!doctype html>",
    '<html><body style="margin:0;padding:24px;background:#f8fafc;font-family:system-ui,-apple-system,Segoe UI,sans-serif;font-size:15px;line-height:1.5;color:#0f172a">',
    '<div style="max-width:480px;margin:0 auto;background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:24px">',
    p("eCourier", "font-weight:600;color:#4338ca"),
    ...paragraphs.map((text) => p(escapeHtml(text))),
    ...(action
      ? [
          p(
            `<a href="${escapeHtml(action.url)}" style="display:inline-block;background:#4f46e5;color:#fff;text-decoration:none;font-weight:600;padding:10px 16px;border-radius:6px">${escapeHtml(action.label)}</a>`,
          ),
          p(
            `Or open this link: <a href="${escapeHtml(action.url)}" style="color:#4338ca;word-break:break-all">${escapeHtml(action.url)}</a>`,
            "font-size:13px;color:#475569",
          ),
        ]
      : []),
    ...after.map((text) => p(escapeHtml(text), "font-size:13px;color:#475569")),
    "</div></body></html>",
  ].join("\n");
  return { to, subject, text, html };
}
