import type { ReactNode } from 'react';

type Props = {
  dirty: boolean;
  saving: boolean;
  onSave: () => void;
  onDiscard: () => void;
  saveTestId: string;
  discardTestId?: string;
  children: ReactNode;
};

/** A record page's side panel of fields edited in place and saved (or discarded) together. */
export function RecordDetailsPanel({ dirty, saving, onSave, onDiscard, saveTestId, discardTestId, children }: Props) {
  return (
    <section className="panel record-details" aria-label="Details">
      <header className="panel-header">
        <h2>Details</h2>
        {dirty && <span className="unsaved">Unsaved changes</span>}
      </header>
      {children}
      <footer className="panel-footer">
        <button type="button" className="quiet" disabled={!dirty || saving} onClick={onDiscard} data-testid={discardTestId}>
          Discard
        </button>
        <button type="button" className="primary" disabled={!dirty || saving} onClick={onSave} data-testid={saveTestId}>
          {saving ? 'Saving…' : 'Save changes'}
        </button>
      </footer>
    </section>
  );
}
