import type { ReactNode } from 'react';

type Props = {
  label: string;
  /** The backend's complaint about the list or one of its entries. */
  error?: string;
  errorTestId?: string;
  /** The Checklist itself. */
  children: ReactNode;
};

/** A labelled checklist across the form, with the error about the list under it. */
export function ChecklistField({ label, error, errorTestId, children }: Props) {
  return (
    <div className={`field field-wide${error ? ' field-invalid' : ''}`}>
      <span className="field-label">{label}</span>
      {children}
      {error && (
        <div className="field-error" role="alert" data-testid={errorTestId}>
          {error}
        </div>
      )}
    </div>
  );
}
