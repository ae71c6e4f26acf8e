import { Field } from '../../components/Field';
import { Markdown } from '../../components/Markdown';
import { MarkdownEditor } from '../../components/MarkdownEditor';
import { RecordTextPanel } from '../../components/RecordTextPanel';
import type { RecordForm } from '../../state/useRecordEdits';
import type { ProblemEdits } from './problemEdits';

type TextField = 'description' | 'root_cause' | 'workaround';

const SECTIONS: { field: TextField; label: string; empty: string }[] = [
  { field: 'description', label: 'Description', empty: 'No description.' },
  { field: 'root_cause', label: 'Root cause', empty: 'Not yet known.' },
  { field: 'workaround', label: 'Workaround', empty: 'No workaround documented.' },
];

type Props = RecordForm<ProblemEdits> & {
  stored: ProblemEdits;
  editing: boolean;
  onEdit: (editing: boolean) => void;
};

/** Description, root cause and workaround: rendered Markdown, or editors in edit mode. */
export function ProblemText({ stored, values, editing, errors, dirty, saving, onEdit, onChange, onSave }: Props) {
  return (
    <RecordTextPanel heading="Analysis" testIdPrefix="problem" editing={editing} dirty={dirty} saving={saving} onEdit={onEdit} onSave={onSave}>
      {editing && (
        <Field label="Title" name="title" error={errors.title} wide>
          <input id="field-title" value={values.title} data-testid="problem-title-input" onChange={(event) => onChange('title', event.target.value)} />
        </Field>
      )}
      {SECTIONS.map((section) =>
        editing ? (
          <Field key={section.field} label={section.label} name={section.field} error={errors[section.field]} wide>
            <MarkdownEditor id={`field-${section.field}`} value={values[section.field]} rows={5} testId={`problem-${section.field.replace('_', '-')}-input`} onChange={(value) => onChange(section.field, value)} />
          </Field>
        ) : (
          <div key={section.field} className="text-section">
            <h3>{section.label}</h3>
            <Markdown source={stored[section.field]} testId={`problem-${section.field.replace('_', '-')}`} placeholder={section.empty} />
          </div>
        ),
      )}
    </RecordTextPanel>
  );
}
