import { useState } from 'react';
import type { Status } from '../../bindings/Status';
import type { Transition } from '../../bindings/Transition';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { RESOLUTION_CODES, STATUS_LABEL } from '../../lib/labels';
import type { FieldErrors } from '../../state/useFieldErrors';
import type { FactsNeeded } from './transitionSteps';

type TransitionDialogProps = {
  ticketKey: string;
  to: Status;
  needs: FactsNeeded;
  busy: boolean;
  errors: FieldErrors;
  onConfirm: (transition: Transition) => void;
  onCancel: () => void;
};

/** Asks for what Pending (a reason) or Resolved (a code and notes) needs before the move is made. */
export function TransitionDialog({ ticketKey, to, needs, busy, errors, onConfirm, onCancel }: TransitionDialogProps) {
  const [reason, setReason] = useState('');
  const [code, setCode] = useState('');
  const [notes, setNotes] = useState('');

  const confirm = () => {
    if (needs === 'pending_reason') onConfirm({ to, pending_reason: reason });
    else onConfirm({ to, resolution_code: code, resolution_notes: notes });
  };

  return (
    <Dialog
      title={`Move ${ticketKey} to ${STATUS_LABEL[to]}`}
      onClose={onCancel}
      testId="transition-dialog"
      footer={
        <>
          <button type="button" onClick={onCancel} data-testid="transition-cancel">
            Cancel
          </button>
          <button type="button" className="primary" disabled={busy} onClick={confirm} data-testid="transition-confirm">
            Move to {STATUS_LABEL[to]}
          </button>
        </>
      }
    >
      <form
        className="form-stack"
        onSubmit={(event) => {
          event.preventDefault();
          confirm();
        }}
      >
        {needs === 'pending_reason' ? (
          <Field label="What is the ticket waiting for?" name="pending_reason" error={errors.pending_reason}>
            <input
              id="field-pending_reason"
              value={reason}
              placeholder="e.g. Waiting for the caller to test"
              data-testid="transition-reason"
              onChange={(event) => setReason(event.target.value)}
            />
          </Field>
        ) : (
          <>
            <Field label="Resolution code" name="resolution_code" error={errors.resolution_code}>
              <select
                id="field-resolution_code"
                value={code}
                data-testid="transition-resolution-code"
                onChange={(event) => setCode(event.target.value)}
              >
                <option value="">Choose…</option>
                {RESOLUTION_CODES.map((option) => (
                  <option key={option.code} value={option.code}>
                    {option.label}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Resolution notes" name="resolution_notes" error={errors.resolution_notes}>
              <textarea
                id="field-resolution_notes"
                rows={4}
                value={notes}
                placeholder="What was done, so the next person can do it again"
                data-testid="transition-resolution-notes"
                onChange={(event) => setNotes(event.target.value)}
              />
            </Field>
          </>
        )}
      </form>
    </Dialog>
  );
}
