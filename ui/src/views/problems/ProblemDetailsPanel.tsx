import { Field } from '../../components/Field';
import { OptionSelect } from '../../components/OptionSelect';
import { PRIORITIES, PRIORITY_LABEL, PROBLEM_STATUS_LABEL, PROBLEM_STATUSES } from '../../lib/labels';
import type { DirectoryLookup } from '../../state/useDirectory';
import type { FieldErrors } from '../../state/useFieldErrors';
import type { ProblemStatus } from '../../bindings/ProblemStatus';
import type { ProblemEdits } from './problemEdits';

type Props = {
  values: ProblemEdits;
  directory: DirectoryLookup;
  errors: FieldErrors;
  dirty: boolean;
  saving: boolean;
  onChange: <K extends keyof ProblemEdits>(field: K, value: ProblemEdits[K]) => void;
  onSave: () => void;
  onDiscard: () => void;
};

export function ProblemDetailsPanel({ values, directory, errors, dirty, saving, onChange, onSave, onDiscard }: Props) {
  return (
    <section className="panel record-details" aria-label="Details">
      <header className="panel-header">
        <h2>Details</h2>
        {dirty && <span className="unsaved">Unsaved changes</span>}
      </header>
      <label className="checkbox known-error-toggle">
        <input type="checkbox" checked={values.known_error} data-testid="problem-known-error" onChange={(event) => onChange('known_error', event.target.checked)} />
        Known error (root cause and workaround documented)
      </label>
      <div className="details-grid">
        <Field label="Status" name="status" error={errors.status}>
          <select id="field-status" value={values.status} data-testid="problem-status" onChange={(event) => onChange('status', event.target.value as ProblemStatus)}>
            {PROBLEM_STATUSES.map((status) => (
              <option key={status} value={status}>
                {PROBLEM_STATUS_LABEL[status]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Priority" name="priority" error={errors.priority}>
          <select id="field-priority" value={String(values.priority)} data-testid="problem-priority" onChange={(event) => onChange('priority', Number(event.target.value))}>
            {PRIORITIES.map((priority) => (
              <option key={priority} value={String(priority)}>
                P{priority} · {PRIORITY_LABEL[priority]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Assignee" name="assignee_id" error={errors.assignee_id}>
          <OptionSelect id="field-assignee_id" value={values.assignee_id} options={directory.staff} emptyLabel="Unassigned" testId="problem-assignee" onChange={(id) => onChange('assignee_id', id)} />
        </Field>
        <Field label="Group" name="group_id" error={errors.group_id}>
          <OptionSelect id="field-group_id" value={values.group_id} options={directory.groups} emptyLabel="No group" onChange={(id) => onChange('group_id', id)} />
        </Field>
        <Field label="Service" name="service_id" error={errors.service_id}>
          <OptionSelect id="field-service_id" value={values.service_id} options={directory.services} emptyLabel="Not known" onChange={(id) => onChange('service_id', id)} />
        </Field>
      </div>
      <footer className="panel-footer">
        <button type="button" className="quiet" disabled={!dirty || saving} onClick={onDiscard}>
          Discard
        </button>
        <button type="button" className="primary" disabled={!dirty || saving} onClick={onSave} data-testid="problem-save">
          {saving ? 'Saving…' : 'Save changes'}
        </button>
      </footer>
    </section>
  );
}
