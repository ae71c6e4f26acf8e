import { Field } from '../../components/Field';
import { RecordDetailsPanel } from '../../components/RecordDetailsPanel';
import { ReferenceField } from '../../components/ReferenceField';
import type { DirectoryLookup } from '../../state/useDirectory';
import type { RecordForm } from '../../state/useRecordEdits';
import { LevelSelect } from './NewTicketForm';
import type { TicketEdits } from './ticketEdits';

type TicketDetailsPanelProps = RecordForm<TicketEdits> & { directory: DirectoryLookup };

/** Classification and ownership, edited in place and saved together. */
export function TicketDetailsPanel({ values, directory, errors, dirty, saving, onChange, onSave, onDiscard }: TicketDetailsPanelProps) {
  return (
    <RecordDetailsPanel dirty={dirty} saving={saving} onSave={onSave} onDiscard={onDiscard} saveTestId="record-save" discardTestId="record-discard">
      <div className="details-grid">
        <Field label="Impact" name="impact" error={errors.impact}>
          <LevelSelect id="field-impact" value={values.impact} testId="record-impact" onChange={(level) => onChange('impact', level)} />
        </Field>
        <Field label="Urgency" name="urgency" error={errors.urgency}>
          <LevelSelect id="field-urgency" value={values.urgency} testId="record-urgency" onChange={(level) => onChange('urgency', level)} />
        </Field>
        <ReferenceField label="Assignee" name="assignee_id" value={values.assignee_id} options={directory.staff} emptyLabel="Unassigned" error={errors.assignee_id} testId="record-assignee" onChange={(id) => onChange('assignee_id', id)} />
        <ReferenceField label="Group" name="group_id" value={values.group_id} options={directory.groups} emptyLabel="No group" error={errors.group_id} testId="record-group" onChange={(id) => onChange('group_id', id)} />
        <ReferenceField label="Service" name="service_id" value={values.service_id} options={directory.services} emptyLabel="Not known" error={errors.service_id} testId="record-service" onChange={(id) => onChange('service_id', id)} />
        <Field label="Category" name="category" error={errors.category}>
          <input id="field-category" value={values.category} data-testid="record-category" onChange={(event) => onChange('category', event.target.value)} />
        </Field>
      </div>
    </RecordDetailsPanel>
  );
}
