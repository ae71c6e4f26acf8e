import type { ReactNode } from 'react';
import { FieldError } from './FieldError';

type FieldProps = {
  label: string;
  /** The backend's field name, so its error lands here. */
  name: string;
  error?: string;
  children: ReactNode;
  hint?: string;
  wide?: boolean;
};

/** Label, input and the field's own error message, in one block. */
export function Field({ label, name, error, children, hint, wide }: FieldProps) {
  return (
    <div className={`field${wide ? ' field-wide' : ''}${error ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor={`field-${name}`}>
        {label}
      </label>
      {children}
      {hint && !error && <div className="field-hint">{hint}</div>}
      <FieldError field={name} message={error} />
    </div>
  );
}
