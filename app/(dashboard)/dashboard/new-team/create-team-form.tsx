"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import { teamPath } from "@/lib/platform/shared";
import { createTeamAction } from "./actions";

export function CreateTeamForm() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<{ message?: string; name?: string[] }>({});
  return (
    <form
      noValidate
      className="space-y-4"
      action={(formData) =>
        startTransition(async () => {
          const result = await createTeamAction({ name: String(formData.get("name") ?? "") });
          if (!result.ok) {
            setErrors({ message: result.message, name: result.fieldErrors?.name });
            return;
          }
          router.push(teamPath(result.data.slug, "test"));
        })
      }
    >
      <TextField
        label="Name"
        name="name"
        required
        maxLength={64}
        autoFocus
        errors={errors.name}
        hint="For example your company or project. Its web address is made from it."
      />
      <FormError message={errors.message} />
      <Button type="submit" pending={pending} className="w-full">
        {pending ? "Creating…" : "Create team"}
      </Button>
    </form>
  );
}
