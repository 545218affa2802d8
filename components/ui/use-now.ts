"use client";
// The current time for what depends on it (a credential's "Expired", "Expires in 3 days"), kept
// the same between the server's render and hydration: both use `atLeast`, a time the server
// chose and passed down (when it rendered, or when the data arrived). Once mounted, the browser's
// clock, read on mount and every 30 seconds, and never earlier than `atLeast`: data fetched after
// a change ("End now") is judged at least as late as it was fetched.
import { useSyncExternalStore } from "react";

const TICK_MS = 30_000;
let latest = 0;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function tick() {
  latest = Date.now();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) timer = setInterval(tick, TICK_MS);
  // A new subscriber sees the time of its mount, not of the last tick.
  queueMicrotask(tick);
  return () => {
    listeners.delete(listener);
    if (!listeners.size) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const snapshot = () => latest;

export function useNow(atLeast: number): number {
  const now = useSyncExternalStore(subscribe, snapshot, () => 0);
  return Math.max(now, atLeast);
}
