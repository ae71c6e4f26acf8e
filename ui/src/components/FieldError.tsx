import { FIELD_LABEL } from '../lib/labels';

/**
 * The backend's message for one field. Domain messages for fields are often a predicate
 * ("is required"), so the field's name is put in front when the message starts in lower case.
 */
export function fieldMessage(field: string, message: string): string {
  const first = message.charAt(0);
  if (first && first === first.toLowerCase() && first !== first.toUpperCase()) {
    return `${FIELD_LABEL[field] ?? field} ${message}`;
  }
  return message;
}

export function FieldError({ field, message }: { field: string; message?: string }) {
  if (!message) return null;
  return (
    <div className="field-error" role="alert" data-testid={`field-error-${field}`}>
      {fieldMessage(field, message)}
    </div>
  );
}
