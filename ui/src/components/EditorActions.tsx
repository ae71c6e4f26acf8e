import { useState } from 'react';

type Props = {
  /** What the record is called, in lower case: "person", "service". */
  noun: string;
  isNew: boolean;
  dirty: boolean;
  /** A problem the form itself can see (a blank name): saving waits until it is fixed. */
  blocked: boolean;
  saving: boolean;
  testId: string;
  onDiscard: () => void;
  /** Absent for a new record. */
  onRetire?: () => void;
};

/**
 * Save (or create), discard, and retire with a second click to confirm: retiring takes the
 * record out of every picker, so it is never one slip of the mouse away.
 */
export function EditorActions({ noun, isNew, dirty, blocked, saving, testId, onDiscard, onRetire }: Props) {
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="form-actions">
      {onRetire &&
        (confirming ? (
          <span className="retire-confirm" role="group" aria-label={`Retire this ${noun}`}>
            <span>Retire this {noun}? It leaves the pickers and stays in the history.</span>
            <button type="button" className="button danger" disabled={saving} onClick={() => (setConfirming(false), onRetire())} data-testid={`${testId}-retire-confirm`}>
              Retire
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </span>
        ) : (
          <button type="button" className="button retire-button" onClick={() => setConfirming(true)} data-testid={`${testId}-retire`}>
            Retire…
          </button>
        ))}
      {dirty && !isNew && (
        <button type="button" className="button" onClick={onDiscard}>
          Discard
        </button>
      )}
      <button type="submit" className="button primary" disabled={(!dirty && !isNew) || blocked || saving} data-testid={`${testId}-save`}>
        {isNew ? `Create ${noun}` : `Save ${noun}`}
      </button>
    </div>
  );
}
