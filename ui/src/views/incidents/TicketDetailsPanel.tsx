import { Field } from '../../components/Field';
import { OptionSelect } from '../../components/OptionSelect';
import type { DirectoryLookup } from '../../state/useDirectory';
import type { FieldErrors } from '../../state/useFieldErrors';
import { LevelSelect } from './NewTicketForm';
import type { TicketEdits } from './ticketEdits';

type TicketDetailsPanelProps = {
  values: TicketEdits;
  directory: DirectoryLookup;
  errors: FieldErrors;
  dirty: boolean;
  saving: boolean;
  onChange: <K extends keyof TicketEdits>(field: K, value: TicketEdits[K]) => void;
  onSave: () => void;
  onDiscard: () => void;
};

/** Classification and ownership, edited in place and saved together. */
export function TicketDetailsPanel({ values, directory, errors, dirty, saving, onChange, onSave, onDiscard }: TicketDetailsPanelProps) {
  return (
    <section className="panel record-details" aria-label="Details">
      <header className="panel-header">
        <h2>Details</h2>
        {dirty && <span className="unsaved">Unsaved changes</span>}
      </header>
      <div className="details-grid">
        <Field label="Impact" name="impact" error={errors.impact}>
          <LevelSelect id="field-impact" value={values.impact} testId="record-impact" onChange={(level) => onChange('impact', level)} />
        </Field>
        <Field label="Urgency" name="urgency" error={errors.urgency}>
          <LevelSelect id="field-urgency" value={values.urgency} testId="record-urgency" onChange={(level) => onChange('urgency', level)} />
        </Field>
        <Field label="Assignee" name="assignee_id" error={errors.assignee_id}>
          <OptionSelect id="field-assignee_id" value={values.assignee_id} options={directory.staff} emptyLabel="Unassigned" testId="record-assignee" onChange={(id) => onChange('assignee_id', id)} />
        </Field>
        <Field label="Group" name="group_id" error={errors.group_id}>
          <OptionSelect id="field-group_id" value={values.group_id} options={directory.groups} emptyLabel="No group" testId="record-group" onChange={(id) => onChange('group_id', id)} />
        </Field>
        <Field label="Service" name="service_id" error={errors.service_id}>
          <OptionSelect id="field-service_id" value={values.service_id} options={directory.services} emptyLabel="Not known" testId="record-service" onChange={(id) => onChange('service_id', id)} />
        </Field>
        <Field label="Category" name="category" error={errors.category}>
          <input id="field-category" value={values.category} data-testid="record-category" onChange={(event) => onChange('category', event.target.value)} />
        </Field>
      </div>
      <footer className="panel-footer">
        <button type="button" className="quiet" disabled={!dirty || saving} onClick={onDiscard} data-testid="record-discard">
          Discard
        </button>
        <button type="button" className="primary" disabled={!dirty || saving} onClick={onSave} data-testid="record-save">
          {saving ? 'Saving…' : 'Save changes'}
        </button>
      </footer>
    </section>
  );
}
