import type { Ticket } from '../../bindings/Ticket';
import { Field } from '../../components/Field';
import { Markdown } from '../../components/Markdown';
import { MarkdownEditor } from '../../components/MarkdownEditor';
import type { FieldErrors } from '../../state/useFieldErrors';
import type { TicketEdits } from './ticketEdits';

type TicketTextProps = {
  ticket: Ticket;
  values: TicketEdits;
  editing: boolean;
  errors: FieldErrors;
  saving: boolean;
  dirty: boolean;
  onEdit: (editing: boolean) => void;
  onChange: (field: 'title' | 'description', value: string) => void;
  onSave: () => void;
};

/** The description as rendered Markdown, or title and description in edit mode. */
export function TicketText({ ticket, values, editing, errors, saving, dirty, onEdit, onChange, onSave }: TicketTextProps) {
  return (
    <section className="panel record-text">
      <header className="panel-header">
        <h2>Description</h2>
        <span className="card-spacer" />
        {editing ? (
          <>
            <button type="button" className="quiet" onClick={() => onEdit(false)}>
              Done
            </button>
            <button type="button" className="primary" disabled={!dirty || saving} data-testid="record-save-text" onClick={onSave}>
              Save
            </button>
          </>
        ) : (
          <button type="button" className="quiet" data-testid="record-edit-text" onClick={() => onEdit(true)}>
            Edit
          </button>
        )}
      </header>
      {editing ? (
        <div className="form-stack">
          <Field label="Title" name="title" error={errors.title} wide>
            <input id="field-title" value={values.title} data-testid="record-title-input" onChange={(event) => onChange('title', event.target.value)} />
          </Field>
          <Field label="Description" name="description" error={errors.description} wide>
            <MarkdownEditor
              id="field-description"
              value={values.description}
              rows={10}
              testId="record-description-input"
              onChange={(value) => onChange('description', value)}
            />
          </Field>
        </div>
      ) : (
        <Markdown source={ticket.description} testId="record-description" placeholder="No description." />
      )}
    </section>
  );
}
