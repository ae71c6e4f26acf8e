import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { toAppError } from '../api/types';
import { useToast } from '../components/Toasts';
import { useActorGate } from './ActorGate';
import { useFieldErrors } from './useFieldErrors';

/**
 * Saves a patch of a ticket or problem against the version on screen. A field error lands
 * next to its field; a stale version (`conflict`) reloads the record and keeps the edits.
 */
export function useRecordSave<Patch extends object>(update: ((patch: Patch) => Promise<unknown>) | undefined, noun: string) {
  const queryClient = useQueryClient();
  const notify = useToast();
  const { requireActor } = useActorGate();
  const fieldErrors = useFieldErrors();
  const [saving, setSaving] = useState(false);

  const save = useCallback(
    async (patch: Patch, success: string): Promise<boolean> => {
      if (!update || Object.keys(patch).length === 0) return false;
      if (!requireActor()) return false;
      setSaving(true);
      try {
        await update(patch);
        fieldErrors.clear();
        notify(success, 'success');
        return true;
      } catch (caught) {
        const error = toAppError(caught);
        if (error.code === 'conflict') {
          notify(`Someone changed this ${noun} since you opened it. It has been reloaded with your edits kept: review them and save again.`, 'error');
          await queryClient.invalidateQueries();
        } else {
          const unplaced = fieldErrors.report(error);
          if (unplaced) notify(unplaced.message, 'error');
        }
        return false;
      } finally {
        setSaving(false);
      }
    },
    [fieldErrors, noun, notify, queryClient, requireActor, update],
  );

  return { save, saving, errors: fieldErrors.errors, clearError: fieldErrors.clear };
}
