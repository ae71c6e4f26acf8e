import { useState } from 'react';
import { commentAdd } from '../../api/tickets';
import { FieldError } from '../../components/FieldError';
import { useToast } from '../../components/Toasts';
import { useActorSubmit } from '../../state/useActorSubmit';

/** Adds a public comment (the caller may see it) or an internal work note (support team only). */
export function CommentForm({ parentKey }: { parentKey: string }) {
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const notify = useToast();

  const { form, busy, submit } = useActorSubmit(
    async () => {
      await commentAdd(parentKey, { body, internal });
      setBody('');
      setError(undefined);
    },
    (refusal) => (refusal.field ? setError(refusal.message) : notify(refusal.message, 'error')),
  );

  return (
    <form className={`comment-form${internal ? ' work-note' : ''}`} onSubmit={submit} data-testid="comment-form" ref={form}>
      <div className="segmented small" role="radiogroup" aria-label="Visibility">
        <label className={!internal ? 'selected' : ''} data-testid="comment-visibility-public">
          <input type="radio" name="visibility" checked={!internal} onChange={() => setInternal(false)} data-testid="comment-public" />
          Comment
        </label>
        <label className={internal ? 'selected' : ''} data-testid="comment-visibility-internal">
          <input type="radio" name="visibility" checked={internal} onChange={() => setInternal(true)} data-testid="comment-internal" />
          Work note (internal)
        </label>
      </div>
      <textarea
        rows={3}
        value={body}
        aria-label={internal ? 'Work note' : 'Comment'}
        placeholder={internal ? 'Notes for the support team only… (Markdown)' : 'A comment the caller may see… (Markdown)'}
        data-testid="comment-input"
        onChange={(event) => {
          setBody(event.target.value);
          setError(undefined);
        }}
      />
      <FieldError field="body" message={error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !body.trim()} data-testid="comment-submit">
          {internal ? 'Add work note' : 'Add comment'}
        </button>
      </div>
    </form>
  );
}
