import type { Ticket } from '../../bindings/Ticket';
import { Field } from '../../components/Field';
import { Markdown } from '../../components/Markdown';
import { MarkdownEditor } from '../../components/MarkdownEditor';
import { RecordTextPanel } from '../../components/RecordTextPanel';
import type { RecordForm } from '../../state/useRecordEdits';
import type { TicketEdits } from './ticketEdits';

type TicketTextProps = RecordForm<TicketEdits> & {
  ticket: Ticket;
  editing: boolean;
  onEdit: (editing: boolean) => void;
};

/** The description as rendered Markdown, or title and description in edit mode. */
export function TicketText({ ticket, values, editing, errors, saving, dirty, onEdit, onChange, onSave }: TicketTextProps) {
  return (
    <RecordTextPanel heading="Description" testIdPrefix="record" editing={editing} dirty={dirty} saving={saving} onEdit={onEdit} onSave={onSave}>
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
    </RecordTextPanel>
  );
}
