// Dev-only entry: the real app against an in-memory backend, for looking at the UI in a browser.
// Query parameters: ?empty (a workspace without tickets), ?noactor (nobody chosen yet),
// ?closed (no workspace open yet).
import { emit } from '@tauri-apps/api/event';
import { mockIPC } from '@tauri-apps/api/mocks';
import { MockBackend } from './mockBackend';

// tauri.conf.json sets freezePrototype: catch any library that writes to Object.prototype here too.
Object.freeze(Object.prototype);

const params = new URLSearchParams(window.location.search);
const backend = new MockBackend({ empty: params.has('empty'), actor: !params.has('noactor'), closed: params.has('closed') });
backend.onChange = () => {
  void emit('workspace-changed', { changes: [], everything: true, external: false });
};
mockIPC((cmd, args) => backend.handle(cmd, args as Record<string, unknown>), { shouldMockEvents: true });

void import('../main');
