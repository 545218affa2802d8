"use client";
// Runs one members action: pending state, a toast with the outcome, and a refresh of the
// server-rendered page so the list shows what the database now holds.
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/action";

export function useMemberAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  function run<T>(call: () => Promise<ActionResult<T>>, options: { success: string; onSuccess?: (data: T) => void; onError?: (result: Extract<ActionResult<T>, { ok: false }>) => void }) {
    startTransition(async () => {
      let result: ActionResult<T>;
      try {
        result = await call();
      } catch {
        toast.error("Could not reach the server. Check your connection and try again.");
        return;
      }
      if (!result.ok) {
        toast.error(result.message);
        options.onError?.(result);
        return;
      }
      toast.success(options.success);
      options.onSuccess?.(result.data);
      router.refresh();
    });
  }
  return { pending, run };
}
