import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { toAppError, type AppError } from '../api/types';
import { useToast } from '../components/Toasts';
import { useActorGate } from './ActorGate';

/**
 * Saves a directory or catalogue record: waits for an actor, puts a field error next to its field (the
 * editor shows it until that field is edited), and shows any other refusal as a notice.
 */
export function useEditorSave() {
  const queryClient = useQueryClient();
  const notify = useToast();
  const { requireActor } = useActorGate();
  const [saving, setSaving] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});

  const save = useCallback(
    async <T,>(write: () => Promise<T>, success: (saved: T) => string, resume?: () => void): Promise<T | null> => {
      if (!requireActor(resume)) return null;
      setSaving(true);
      try {
        const saved = await write();
        setServerErrors({});
        notify(success(saved), 'success');
        return saved;
      } catch (caught) {
        const error: AppError = toAppError(caught);
        if (error.field) setServerErrors({ [error.field]: error.message });
        else if (error.code === 'conflict') {
          notify('Someone changed this record since you opened it; it has been reloaded. Review and save again.', 'error');
          await queryClient.invalidateQueries();
        } else notify(error.message, 'error');
        return null;
      } finally {
        setSaving(false);
      }
    },
    [notify, queryClient, requireActor],
  );

  /** An edit clears the backend's complaint about that field (and anything inside it). */
  const edited = useCallback((prefix?: string) => {
    setServerErrors((current) => {
      if (!prefix) return Object.keys(current).length ? {} : current;
      const next = Object.fromEntries(Object.entries(current).filter(([field]) => !field.startsWith(prefix)));
      return Object.keys(next).length === Object.keys(current).length ? current : next;
    });
  }, []);

  return { save, saving, serverErrors, edited };
}
