type Props = { message: string | null; testId: string; onDismiss: () => void };

/** A refusal from the backend shown above a view until the person dismisses it. */
export function DismissibleError({ message, testId, onDismiss }: Props) {
  if (!message) return null;
  return (
    <div className="banner banner-error" role="alert">
      {/* The id marks the message alone, so a test can compare it with the backend's text. */}
      <span data-testid={testId}>{message}</span>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
