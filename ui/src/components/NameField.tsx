import { Field } from './Field';

type Props = { value: string; error?: string; testId: string; wide?: boolean; onChange: (name: string) => void };

/** The name every directory and catalogue record carries. */
export function NameField({ value, error, testId, wide, onChange }: Props) {
  return (
    <Field label="Name" name="name" error={error} wide={wide}>
      <input id="field-name" value={value} data-testid={testId} onChange={(event) => onChange(event.target.value)} />
    </Field>
  );
}
