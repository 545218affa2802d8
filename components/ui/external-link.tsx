// A link to a page on another site, shown as its own address (where a token was found in public):
// a new tab, no referrer, no opener. The address comes from outside (a scanner's report), so only
// http(s) addresses become links; anything else is shown as plain text. Long addresses wrap anywhere.
const isWebAddress = (url: string) => {
  try {
    return ["http:", "https:"].includes(new URL(url).protocol);
  } catch {
    return false;
  }
};

export function ExternalLink({ url, className = "" }: { url: string; className?: string }) {
  const wrap = `[overflow-wrap:anywhere] ${className}`;
  if (!isWebAddress(url)) return <span className={wrap}>{url}</span>;
  return (
    <a
      href={url}
      target="_blank"
      rel="noreferrer noopener"
      className={`font-medium underline focus-visible:outline-2 focus-visible:outline-indigo-600 ${wrap}`}
    >
      {url}
    </a>
  );
}
