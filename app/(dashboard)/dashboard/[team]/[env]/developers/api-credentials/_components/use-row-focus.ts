"use client";
// Where focus goes once a row's dialog closes or its change is done: back to that row's
// "Actions for …" button. When the row has left the list (deleted, or no longer matching the
// filters), to the button of the row that was below it, else above it, else `fallback`
// ("New API credential"). Without this, focus fell to <body>: Radix gives it back to the menu
// item that opened the dialog, which is gone by then.
import { useCallback, useLayoutEffect, useRef, type RefObject } from "react";

export type RowFocus = {
  /** The ref for a row's actions button. */
  trigger: (id: string) => (element: HTMLElement | null) => () => void;
  /** Notes the row's place among its neighbours, as listed now (call it when its menu opens). */
  remember: (id: string) => void;
  /** Focuses the row's actions button, or its nearest neighbour's when the row is gone. */
  returnFocus: (id: string) => void;
};

export function useRowFocus(ids: string[], fallback: RefObject<HTMLElement | null>): RowFocus {
  const triggers = useRef(new Map<string, HTMLElement>());
  const listed = useRef(ids);
  const place = useRef<{ id: string; candidates: string[] } | null>(null);
  useLayoutEffect(() => {
    listed.current = ids;
  });

  const trigger = useCallback(
    (id: string) => (element: HTMLElement | null) => {
      if (element) triggers.current.set(id, element);
      return () => {
        if (triggers.current.get(id) === element) triggers.current.delete(id);
      };
    },
    [],
  );

  const remember = useCallback((id: string) => {
    const order = listed.current;
    const at = order.indexOf(id);
    place.current = { id, candidates: [id, ...order.slice(at + 1), ...order.slice(0, Math.max(at, 0)).reverse()] };
  }, []);

  const returnFocus = useCallback(
    (id: string) => {
      const candidates = place.current?.id === id ? place.current.candidates : [id];
      const target = candidates
        .map((candidate) => triggers.current.get(candidate))
        .find((element) => element?.isConnected);
      (target ?? fallback.current)?.focus();
    },
    [fallback],
  );

  return { trigger, remember, returnFocus };
}
