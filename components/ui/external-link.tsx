// A link to a page on another site, shown as its own address (where a token was found in public):
// a new tab, no referrer, no opener. The address comes from outside (a scanner's report), so only
// http(s) addresses become links; anything else is shown as plain text. Long addresses wrap anywhere,
// or, `oneLine`, are cut short with an ellipsis (the whole address then in the title).
const isWebAddress = (url: string) => {
  try {
    return ["http:", "https:"].includes(new URL(url).protocol);
  } catch {
    return false;
  }
};

export function ExternalLink({
  url,
  oneLine = false,
  className = "",
}: {
  url: string;
  oneLine?: boolean;
  className?: string;
}) {
  const wrap = `${oneLine ? "block truncate" : "[overflow-wrap:anywhere]"} ${className}`;
  const title = oneLine ? url : undefined;
  if (!isWebAddress(url))
    return (
      <span className={wrap} title={title}>
        {url}
      </span>
    );
  return (
    <a
      href={url}
      title={title}
      target="_blank"
      rel="noreferrer noopener"
      className={`font-medium underline focus-visible:outline-2 focus-visible:outline-indigo-600 ${wrap}`}
    >
      {url}
    </a>
  );
}
