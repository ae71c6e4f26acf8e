import { emit } from '@tauri-apps/api/event';
import { mockIPC } from '@tauri-apps/api/mocks';
import type { WorkspaceChanged } from '../bindings/WorkspaceChanged';
import type { MockBackend } from '../preview/mockBackend';

/**
 * Answers the UI's commands from `backend` and, as the shell does, announces each of its
 * writes with a `workspace-changed` event, so views refresh the way they do in the app.
 */
export function serveMockBackend(backend: MockBackend) {
  const everything: WorkspaceChanged = { changes: [], everything: true, external: false };
  backend.onChange = () => void emit('workspace-changed', everything);
  mockIPC((cmd, args) => backend.handle(cmd, args as Record<string, unknown>), { shouldMockEvents: true });
}
