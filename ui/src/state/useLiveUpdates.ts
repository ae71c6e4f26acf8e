import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { onWorkspaceChanged } from '../api/events';
import { isAffected } from './invalidation';

/**
 * Refreshes the views that show what changed, whoever wrote it (this window, another window,
 * the CLI): the shell announces every committed write once, with the records it touched.
 */
export function useLiveUpdates(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let cancelled = false;
    onWorkspaceChanged((change) => {
      void queryClient.invalidateQueries({ predicate: (query) => isAffected(change, query) });
    })
      .then((stop) => {
        if (cancelled) stop();
        else unlisten = stop;
      })
      .catch(() => {
        // Outside Tauri (a unit test without event mocks) there is nothing to listen to.
      });
    return () => {
      cancelled = true;
      unlisten?.();
    };
  }, [queryClient]);
}
