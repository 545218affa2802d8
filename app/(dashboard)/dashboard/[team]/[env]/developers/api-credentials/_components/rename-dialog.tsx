"use client";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import type { CredentialDto } from "@/lib/credentials";
import { fieldErrors, useRenameCredential, type CredentialsScope } from "./use-credentials";

type RenameDialogProps = { scope: CredentialsScope; credential: CredentialDto; open: boolean; onOpenChange: (open: boolean) => void };

export function RenameDialog({ scope, credential, open, onOpenChange }: RenameDialogProps) {
  const rename = useRenameCredential(scope);
  const [name, setName] = useState(credential.name);

  function changeOpen(next: boolean) {
    if (rename.isPending) return;
    if (next) setName(credential.name);
    rename.reset();
    onOpenChange(next);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    rename.submit(
      { id: credential.id, name },
      {
        onSuccess: () => onOpenChange(false),
        onError: (error) => !fieldErrors(error, "name") && onOpenChange(false),
      },
    );
  }

  return (
    <Dialog open={open} onOpenChange={changeOpen}>
      <DialogContent title={`Rename “${credential.name}”`}>
        <form onSubmit={submit} noValidate>
          <TextField label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" required errors={fieldErrors(rename.error, "name")} />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" disabled={rename.isPending}>
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" pending={rename.isPending}>
              Save
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
