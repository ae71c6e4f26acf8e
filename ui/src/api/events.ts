import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type { WorkspaceChanged } from '../bindings/WorkspaceChanged';
import type { SlaWarning } from './serviceLevels';

export const WORKSPACE_CHANGED = 'workspace-changed';

/** Called after every committed write, from this window, another window or the CLI. */
export function onWorkspaceChanged(handler: (change: WorkspaceChanged) => void): Promise<UnlistenFn> {
  return listen<WorkspaceChanged>(WORKSPACE_CHANGED, (event) => handler(event.payload));
}

export const SLA_WARNING = 'sla-warning';

/** A ticket's clock reached a warning threshold (or its target); the shell says each once. */
export function onSlaWarning(handler: (warning: SlaWarning) => void): Promise<UnlistenFn> {
  return listen<SlaWarning>(SLA_WARNING, (event) => handler(event.payload));
}
