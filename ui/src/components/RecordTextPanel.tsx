import type { ReactNode } from 'react';

type Props = {
  heading: string;
  /** "record", "problem": the buttons are `<prefix>-edit-text` and `<prefix>-save-text`. */
  testIdPrefix: string;
  editing: boolean;
  dirty: boolean;
  saving: boolean;
  onEdit: (editing: boolean) => void;
  onSave: () => void;
  /** Rendered Markdown, or its editors while `editing`. */
  children: ReactNode;
};

/** A record page's long text, read by default and switched to editing on request. */
export function RecordTextPanel({ heading, testIdPrefix, editing, dirty, saving, onEdit, onSave, children }: Props) {
  return (
    <section className="panel record-text">
      <header className="panel-header">
        <h2>{heading}</h2>
        <span className="card-spacer" />
        {editing ? (
          <>
            <button type="button" className="quiet" onClick={() => onEdit(false)}>
              Done
            </button>
            <button type="button" className="primary" disabled={!dirty || saving} data-testid={`${testIdPrefix}-save-text`} onClick={onSave}>
              Save
            </button>
          </>
        ) : (
          <button type="button" className="quiet" data-testid={`${testIdPrefix}-edit-text`} onClick={() => onEdit(true)}>
            Edit
          </button>
        )}
      </header>
      {children}
    </section>
  );
}
