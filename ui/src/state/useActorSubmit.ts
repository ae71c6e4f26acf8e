import { useRef, useState, type FormEvent } from 'react';
import { toAppError, type AppError } from '../api/types';
import { useActorGate } from './ActorGate';

/**
 * A form's submit that writes as the acting person: it waits until someone is acting (then
 * the submission the person started goes ahead), marks the form busy while `write` runs and
 * hands a refusal to `refused`. `form` goes on the form element.
 */
export function useActorSubmit(write: () => Promise<void>, refused: (error: AppError) => void) {
  const form = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const { requireActor } = useActorGate();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!requireActor(() => form.current?.requestSubmit())) return;
    setBusy(true);
    try {
      await write();
    } catch (caught) {
      refused(toAppError(caught));
    } finally {
      setBusy(false);
    }
  };
  return { form, busy, submit };
}
