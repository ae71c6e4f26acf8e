import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppError, WorkspaceInfo } from '../api/types';
import {
  actorSet,
  workspaceInfo,
  workspaceLoadDemo,
  workspaceOpen,
  workspacePickCreate,
  workspacePickOpen,
} from '../api/workspace';
import { queryKeys } from './queryKeys';

export function useWorkspace() {
  return useQuery<WorkspaceInfo, AppError>({
    queryKey: queryKeys.workspace,
    queryFn: workspaceInfo,
    // `no_workspace` is an answer, not a hiccup: retrying would only delay the welcome screen.
    retry: false,
    // Without this, every component that mounts (the welcome screen itself) would refetch the
    // failed query, which resets it to pending, unmounts the welcome screen, and loops.
    retryOnMount: false,
  });
}

/**
 * Opening, creating or filling a workspace changes what every query would return,
 * so the new info is stored and everything else is refetched.
 */
export function useWorkspaceSwitch() {
  const queryClient = useQueryClient();
  const adopt = async (info: WorkspaceInfo | null) => {
    if (!info) return; // the person cancelled the native dialog
    queryClient.setQueryData(queryKeys.workspace, info);
    await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'workspace' });
  };
  return {
    pickOpen: useMutation<WorkspaceInfo | null, AppError>({ mutationFn: workspacePickOpen, onSuccess: adopt }),
    pickCreate: useMutation<WorkspaceInfo | null, AppError>({ mutationFn: workspacePickCreate, onSuccess: adopt }),
    openPath: useMutation<WorkspaceInfo, AppError, string>({ mutationFn: workspaceOpen, onSuccess: adopt }),
    loadDemo: useMutation<WorkspaceInfo, AppError>({ mutationFn: workspaceLoadDemo, onSuccess: adopt }),
    setActor: useMutation<WorkspaceInfo, AppError, string>({
      mutationFn: actorSet,
      onSuccess: (info) => queryClient.setQueryData(queryKeys.workspace, info),
    }),
  };
}
