"use client";
// A snippet to paste or run (a header, a curl command) with its Copy button. The block takes focus,
// so a keyboard user can scroll a long line. Copied by the button or by hand, `onCopied` hears of it.
import { useRef } from "react";
import { CopyButton } from "./copy-button";

type CodeBlockProps = {
  code: string;
  /** What it is, for its Copy button's name: "Copy <what>". */
  what: string;
  onCopied?: () => void;
};

export function CodeBlock({ code, what, onCopied }: CodeBlockProps) {
  const block = useRef<HTMLPreElement>(null);

  // The clipboard refused: select the snippet, so that the keyboard's copy takes it.
  function selectCode() {
    const selection = window.getSelection();
    if (!block.current || !selection) return;
    const range = document.createRange();
    range.selectNodeContents(block.current);
    selection.removeAllRanges();
    selection.addRange(range);
  }

  return (
    // Copy sits beside the code, not over it: every character of a long line can be scrolled into view.
    <div className="mt-2 flex items-start gap-2 rounded-md bg-slate-900 p-1.5">
      <pre
        ref={block}
        tabIndex={0}
        onCopy={onCopied}
        className="min-w-0 flex-1 overflow-x-auto rounded p-1.5 font-mono text-xs text-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-400"
      >
        <code>{code}</code>
      </pre>
      <CopyButton
        value={code}
        what={what}
        failedToast="Could not copy to the clipboard. The text is selected: copy it with your keyboard."
        onCopied={onCopied}
        onFailed={selectCode}
        className="w-24 shrink-0 py-1"
      />
    </div>
  );
}
