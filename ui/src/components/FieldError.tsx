/** The backend's message for one field: a sentence that names the field, shown beside it. */
export function FieldError({ field, message }: { field: string; message?: string }) {
  if (!message) return null;
  return (
    <div className="field-error" role="alert" data-testid={`field-error-${field}`}>
      {message}
    </div>
  );
}
