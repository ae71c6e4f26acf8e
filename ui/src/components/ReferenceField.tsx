import { Field } from './Field';
import { OptionSelect } from './OptionSelect';

type Props = {
  label: string;
  /** The backend's field name: the select's id is `field-<name>`, so its error lands here. */
  name: string;
  value: string;
  options: { id: string; name: string }[];
  emptyLabel: string;
  error?: string;
  hint?: string;
  testId?: string;
  onChange: (id: string) => void;
};

/** A labelled choice of one record (assignee, group, service…), with the field's own error. */
export function ReferenceField({ label, name, value, options, emptyLabel, error, hint, testId, onChange }: Props) {
  return (
    <Field label={label} name={name} error={error} hint={hint}>
      <OptionSelect id={`field-${name}`} value={value} options={options} emptyLabel={emptyLabel} testId={testId} onChange={onChange} />
    </Field>
  );
}
