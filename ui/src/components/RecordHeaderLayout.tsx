import type { ReactNode } from 'react';

type Props = {
  backHref: string;
  /** "Board", "Problems": shown after the arrow. */
  backLabel: string;
  recordKey: string;
  tag: string;
  title: string;
  titleTestId: string;
  /** Badges and actions on the top row, after the key and the tag. */
  children: ReactNode;
  /** Notes under the title (why it waits, how it was resolved). */
  notes?: ReactNode;
};

/** The top of a record page: the way back, the record's key and type, its badges and its title. */
export function RecordHeaderLayout({ backHref, backLabel, recordKey, tag, title, titleTestId, children, notes }: Props) {
  return (
    <header className="record-header">
      <div className="record-header-top">
        <a className="back-link" href={backHref}>
          ← {backLabel}
        </a>
        <span className="record-key">{recordKey}</span>
        <span className="tag">{tag}</span>
        {children}
      </div>
      <h1 className="record-title" data-testid={titleTestId}>
        {title}
      </h1>
      {notes}
    </header>
  );
}
