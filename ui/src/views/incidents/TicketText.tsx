import type { Ticket } from '../../bindings/Ticket';
import { Markdown } from '../../components/Markdown';
import { RecordTextPanel } from '../../components/RecordTextPanel';
import { TitleAndDescriptionFields } from '../../components/TitleAndDescriptionFields';
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
          <TitleAndDescriptionFields
            title={values.title}
            description={values.description}
            errors={errors}
            rows={10}
            testIdPrefix="record"
            testIdSuffix="-input"
            onChange={onChange}
          />
        </div>
      ) : (
        <Markdown source={ticket.description} testId="record-description" placeholder="No description." />
      )}
    </RecordTextPanel>
  );
}
