// How to use a credential: the header, and a first request that says whose token it is.
type Props = { apiBaseUrl: string };

const codeBlock = "mt-2 overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600";

export function UseYourKey({ apiBaseUrl }: Props) {
  return (
    <section aria-labelledby="use-your-key-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="use-your-key-heading" className="text-base font-semibold text-slate-900">
        Use your key
      </h2>
      <p className="mt-1 text-sm text-slate-600">Send the token in the Authorization header of every request:</p>
      {/* Focusable so a keyboard user can scroll a long line. */}
      <pre className={codeBlock} tabIndex={0}>
        <code>Authorization: Bearer &lt;token&gt;</code>
      </pre>
      <p className="mt-3 text-sm text-slate-600">Try it: this answers with the team and environment the token belongs to.</p>
      <pre className={codeBlock} tabIndex={0}>
        <code>{`curl ${apiBaseUrl}/v1/me \\\n  -H "Authorization: Bearer <token>"`}</code>
      </pre>
    </section>
  );
}
