"use client";
// "3 minutes ago", with the exact time on hover. The server and the hydrating client both render
// the exact UTC time; the relative wording (and the reader's time zone) appear once mounted.
import { useSyncExternalStore } from "react";

const TICK_MS = 30_000;
const subscribe = (onTick: () => void) => {
  const timer = setInterval(onTick, TICK_MS);
  return () => clearInterval(timer);
};
// Rounded so that the snapshot stays the same between ticks, as useSyncExternalStore requires.
const currentTick = () => Math.floor(Date.now() / TICK_MS) * TICK_MS;
const noTickOnServer = () => null;

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

export function formatRelative(then: number, now: number): string {
  const seconds = Math.round((now - then) / 1000);
  if (seconds < 45) return "just now";
  for (const [unit, size] of units) {
    if (seconds >= size) return relative.format(-Math.floor(seconds / size), unit);
  }
  return relative.format(-1, "minute");
}

/** "2026-03-10 12:00 UTC": the same on the server and in every browser. */
export const utcText = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/** An exact time, in UTC (an expiry: the moment matters more than how far off it is). */
export function UtcTime({ iso }: { iso: string }) {
  return <time dateTime={iso}>{utcText(iso)}</time>;
}

export function RelativeTime({ iso }: { iso: string }) {
  const now = useSyncExternalStore(subscribe, currentTick, noTickOnServer);
  const date = new Date(iso);
  const exact = now === null ? utcText(iso) : date.toLocaleString("en", { dateStyle: "medium", timeStyle: "long" });
  return (
    <time dateTime={iso} title={exact}>
      {now === null ? exact : formatRelative(date.getTime(), now)}
    </time>
  );
}
