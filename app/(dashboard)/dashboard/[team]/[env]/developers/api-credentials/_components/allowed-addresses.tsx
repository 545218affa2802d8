"use client";
// "Allowed IP addresses": where a credential's token is accepted from. For those who may change it,
// a textarea (one address or CIDR range per line; empty: any address) that the server parses and
// names a bad line of. Before saving a list that would refuse where the last request came from,
// it says so and asks (parsed here with the server's own rules, lib/credentials/shared/addresses.ts).
import { useEffect, useRef, useState, type FormEvent } from "react";
import { fieldErrors } from "@/components/action-client";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { TextAreaField } from "@/components/ui/text-field";
import { allowedAddressesText, isAddressAllowed, parseAllowedAddresses } from "@/lib/credentials/shared";
import type { CredentialDto } from "@/lib/credentials/shared";
import type { TeamScope } from "@/lib/teams/shared";
import { useSetAllowedAddresses } from "./use-credentials";

type Props = { scope: TeamScope; credential: CredentialDto; canManage: boolean };

export function AllowedAddresses({ scope, credential, canManage }: Props) {
  return (
    <section
      aria-labelledby="allowed-addresses-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-5"
    >
      <div>
        <h2 id="allowed-addresses-heading" className="text-base font-semibold text-slate-900">
          Allowed IP addresses
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Where its token is accepted from. A request from an address not listed is refused (403{" "}
          <code className="font-mono text-xs">ip_not_allowed</code>); no list means any address.
        </p>
      </div>
      {canManage ? (
        <AllowedAddressesForm scope={scope} credential={credential} />
      ) : credential.allowedAddresses.length ? (
        <ul aria-labelledby="allowed-addresses-heading" className="space-y-1 font-mono text-sm text-slate-800">
          {credential.allowedAddresses.map((cidr) => (
            <li key={cidr}>{cidr}</li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-700">Any address: no list is set.</p>
      )}
    </section>
  );
}

function AllowedAddressesForm({ scope, credential }: { scope: TeamScope; credential: CredentialDto }) {
  const [text, setText] = useState(() => allowedAddressesText(credential.allowedAddresses));
  const [confirming, setConfirming] = useState(false);
  const save = useSetAllowedAddresses(scope);
  const errors = fieldErrors(save.error, "addresses");
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (errors?.length) field.current?.focus();
  }, [errors]);

  function send() {
    save.submit(
      { id: credential.id, addresses: text },
      {
        // What the server stored, in its canonical form ("10.1.2.3" is "10.1.2.3/32").
        onSuccess: (saved) => setText(allowedAddressesText(saved.allowedAddresses)),
        onSettled: () => setConfirming(false),
      },
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseAllowedAddresses(text);
    const last = credential.lastUsedAt && credential.lastUsedAddress;
    // A list the server would refuse goes as it is: the server names the bad line.
    if (parsed.ok && last && !isAddressAllowed(last, parsed.cidrs)) setConfirming(true);
    else send();
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <TextAreaField
        ref={field}
        label="Allowed IP addresses"
        labelHidden
        name="addresses"
        rows={5}
        value={text}
        onChange={(event) => setText(event.target.value)}
        readOnly={save.isPending}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        className="font-mono"
        hint={
          <>
            One IPv4 or IPv6 address or CIDR range per line, e.g. <code className="font-mono">203.0.113.0/24</code> or{" "}
            <code className="font-mono">2001:db8::/32</code>; at most 100. Leave it empty to accept any address.
          </>
        }
        errors={errors}
      />
      <Button type="submit" pending={save.isPending && !confirming} pendingLabel="Saving…">
        Save
      </Button>
      {credential.lastUsedAt ? (
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title="Refuse the address of the last request?"
          description={
            <>
              The last request (<RelativeTime iso={credential.lastUsedAt} />) came from {credential.lastUsedAddress},
              which this list does not allow. Requests from there will be refused.
            </>
          }
          confirmLabel="Save anyway"
          pendingLabel="Saving…"
          pending={save.isPending}
          onConfirm={send}
        />
      ) : null}
    </form>
  );
}
