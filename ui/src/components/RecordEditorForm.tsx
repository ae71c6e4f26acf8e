import type { ReactNode } from 'react';

type Props = {
  /** The record being edited; absent for a new one. */
  record?: { key: string; name: string };
  newHeading: string;
  testId: string;
  onSubmit: () => void;
  /** The fields, laid out in the form grid. */
  children: ReactNode;
  /** What follows the grid: further sections, then the actions. */
  footer: ReactNode;
};

/** The right-hand editor of a directory or catalogue tab: heading, fields, actions. */
export function RecordEditorForm({ record, newHeading, testId, onSubmit, children, footer }: Props) {
  return (
    <form className="catalogue-editor" data-testid={testId} onSubmit={(event) => (event.preventDefault(), onSubmit())}>
      <h2>{record ? `${record.key} · ${record.name}` : newHeading}</h2>
      <div className="form-grid">{children}</div>
      {footer}
    </form>
  );
}
