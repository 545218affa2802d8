// How to use a credential: the header, and a first request that says whose token it is, each to
// copy; then the interactive API reference (/v1/docs) for everything else.
import { CodeBlock } from "@/components/ui/code-block";
import { meCommand } from "./me-command";

type Props = { apiBaseUrl: string };

export function UseYourKey({ apiBaseUrl }: Props) {
  return (
    <section aria-labelledby="use-your-key-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="use-your-key-heading" className="text-base font-semibold text-slate-900">
        Use your key
      </h2>
      <p className="mt-1 text-sm text-slate-600">Send the token in the Authorization header of every request:</p>
      <CodeBlock code="Authorization: Bearer <token>" what="header" />
      <p className="mt-3 text-sm text-slate-600">
        Try it: this answers with the team and environment the token belongs to.
      </p>
      <CodeBlock code={meCommand(apiBaseUrl)} what="curl command" />
      <p className="mt-3 text-sm text-slate-600">
        Every endpoint, with a “Try it” that takes your token:{" "}
        <a href={`${apiBaseUrl}/v1/docs`} className="font-medium text-indigo-700 underline">
          API reference
        </a>
      </p>
    </section>
  );
}
