import { clearMocks } from '@tauri-apps/api/mocks';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  // A few tests run in Node rather than the page (they start processes): nothing to reset there.
  if (typeof window === 'undefined') return;
  cleanup();
  clearMocks();
  window.location.hash = '';
});
