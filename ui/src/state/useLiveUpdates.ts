import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { onWorkspaceChanged } from '../api/events';
import type { WorkspaceChanged } from '../bindings/WorkspaceChanged';
import { isAffected } from './invalidation';
import { useShellEvent } from './useShellEvent';

/**
 * Refreshes the views that show what changed, whoever wrote it (this window, another window,
 * the CLI): the shell announces every committed write once, with the records it touched.
 */
export function useLiveUpdates(): void {
  const queryClient = useQueryClient();
  const refresh = useCallback(
    (change: WorkspaceChanged) => void queryClient.invalidateQueries({ predicate: (query) => isAffected(change, query) }),
    [queryClient],
  );
  useShellEvent(onWorkspaceChanged, refresh);
}
