import { Field } from '../../components/Field';
import { RecordDetailsPanel } from '../../components/RecordDetailsPanel';
import { ReferenceField } from '../../components/ReferenceField';
import { PROBLEM_STATUS_LABEL, PROBLEM_STATUSES } from '../../lib/labels';
import type { DirectoryLookup } from '../../state/useDirectory';
import type { RecordForm } from '../../state/useRecordEdits';
import type { ProblemStatus } from '../../bindings/ProblemStatus';
import { PrioritySelect } from '../../components/PrioritySelect';
import type { ProblemEdits } from './problemEdits';

type Props = RecordForm<ProblemEdits> & { directory: DirectoryLookup };

/** Status, priority, ownership and the known-error flag, edited in place and saved together. */
export function ProblemDetailsPanel({ values, directory, errors, dirty, saving, onChange, onSave, onDiscard }: Props) {
  return (
    <RecordDetailsPanel dirty={dirty} saving={saving} onSave={onSave} onDiscard={onDiscard} saveTestId="problem-save">
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
          <PrioritySelect id="field-priority" value={values.priority} testId="problem-priority" onChange={(priority) => onChange('priority', priority)} />
        </Field>
        <ReferenceField label="Assignee" name="assignee_id" value={values.assignee_id} options={directory.staff} emptyLabel="Unassigned" error={errors.assignee_id} testId="problem-assignee" onChange={(id) => onChange('assignee_id', id)} />
        <ReferenceField label="Group" name="group_id" value={values.group_id} options={directory.groups} emptyLabel="No group" error={errors.group_id} onChange={(id) => onChange('group_id', id)} />
        <ReferenceField label="Service" name="service_id" value={values.service_id} options={directory.services} emptyLabel="Not known" error={errors.service_id} onChange={(id) => onChange('service_id', id)} />
      </div>
    </RecordDetailsPanel>
  );
}
