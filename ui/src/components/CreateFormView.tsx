import type { FormEvent, ReactNode, RefObject } from 'react';

type Props = {
  heading: string;
  /** The form's test id; its error banner and submit button are `<testId>-error` and `<testId>-submit`. */
  testId: string;
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: (event: FormEvent) => void;
  /** A refusal that names no field. */
  error: string | null;
  cancelHref: string;
  submitLabel: string;
  busy: boolean;
  children: ReactNode;
};

/** A page that creates one record: its fields, a refusal that fits no field, Cancel and the create button. */
export function CreateFormView({ heading, testId, formRef, onSubmit, error, cancelHref, submitLabel, busy, children }: Props) {
  return (
    <div className="view form-view">
      <div className="view-header">
        <h1>{heading}</h1>
      </div>
      <form className="panel ticket-form" data-testid={testId} ref={formRef} onSubmit={onSubmit} noValidate>
        {error && (
          <div className="banner banner-error" role="alert" data-testid={`${testId}-error`}>
            {error}
          </div>
        )}
        {children}
        <div className="form-actions">
          <a className="button" href={cancelHref}>
            Cancel
          </a>
          <button type="submit" className="primary" disabled={busy} data-testid={`${testId}-submit`}>
            {submitLabel}
          </button>
        </div>
      </form>
    </div>
  );
}
