import { Field } from './Field';
import { MarkdownEditor } from './MarkdownEditor';

type Props = {
  title: string;
  description: string;
  errors: Record<string, string | undefined>;
  /** "ticket-form", "record": the inputs are `<prefix>-title` / `<prefix>-description` (`testIdSuffix` appended). */
  testIdPrefix: string;
  testIdSuffix?: string;
  rows?: number;
  maxLength?: number;
  titlePlaceholder?: string;
  descriptionPlaceholder?: string;
  onChange: (field: 'title' | 'description', value: string) => void;
};

/** A record's title and its Markdown description, each with its own error. */
export function TitleAndDescriptionFields({ title, description, errors, testIdPrefix, testIdSuffix = '', rows, maxLength, titlePlaceholder, descriptionPlaceholder, onChange }: Props) {
  return (
    <>
      <Field label="Title" name="title" error={errors.title} wide>
        <input
          id="field-title"
          value={title}
          maxLength={maxLength}
          placeholder={titlePlaceholder}
          data-testid={`${testIdPrefix}-title${testIdSuffix}`}
          onChange={(event) => onChange('title', event.target.value)}
        />
      </Field>
      <Field label="Description" name="description" error={errors.description} wide>
        <MarkdownEditor
          id="field-description"
          value={description}
          rows={rows}
          placeholder={descriptionPlaceholder}
          testId={`${testIdPrefix}-description${testIdSuffix}`}
          onChange={(value) => onChange('description', value)}
        />
      </Field>
    </>
  );
}
