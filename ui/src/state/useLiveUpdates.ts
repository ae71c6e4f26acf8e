import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { onWorkspaceChanged } from '../api/events';

/**
 * Refreshes every view when the workspace changes, whoever wrote it (this window, another
 * window, the CLI). Invalidating everything is cheap for one local SQLite file and never stale.
 */
export function useLiveUpdates(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let cancelled = false;
    onWorkspaceChanged(() => {
      void queryClient.invalidateQueries();
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
