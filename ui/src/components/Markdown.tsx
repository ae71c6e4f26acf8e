import { useMemo, type MouseEvent } from 'react';
import { markdownToSafeHtml } from '../lib/sanitize';

type MarkdownProps = {
  source: string;
  className?: string;
  testId?: string;
  /** Shown when the source is blank, as plain text. */
  placeholder?: string;
};

/**
 * The only component that renders user text as HTML: Markdown through marked, then DOMPurify
 * (lib/sanitize.ts). Nothing else in the UI may use dangerouslySetInnerHTML.
 */
export function Markdown({ source, className, testId, placeholder }: MarkdownProps) {
  const html = useMemo(() => markdownToSafeHtml(source), [source]);
  const classes = ['markdown', className].filter(Boolean).join(' ');

  if (!source.trim()) {
    return (
      <div className={`${classes} markdown-empty`} data-testid={testId}>
        {placeholder ?? ''}
      </div>
    );
  }
  return (
    <div
      className={classes}
      data-testid={testId}
      onClick={keepLinksOutOfTheAppWindow}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

// A followed link would replace the whole app in its window; the address stays visible as a
// tooltip so it can still be copied.
function keepLinksOutOfTheAppWindow(event: MouseEvent<HTMLDivElement>) {
  const target = event.target as HTMLElement;
  if (target.closest('a')) event.preventDefault();
}
