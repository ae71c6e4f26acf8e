import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type { WorkspaceChanged } from './types';

export const WORKSPACE_CHANGED = 'workspace-changed';

/** Called after every committed write, from this window, another window or the CLI. */
export function onWorkspaceChanged(handler: (change: WorkspaceChanged) => void): Promise<UnlistenFn> {
  return listen<WorkspaceChanged>(WORKSPACE_CHANGED, (event) => handler(event.payload));
}
