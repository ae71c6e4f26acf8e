import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { emit } from '@tauri-apps/api/event';
import { mockIPC } from '@tauri-apps/api/mocks';
import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { call } from '../api/call';
import { useLiveUpdates } from './useLiveUpdates';

function Count() {
  useLiveUpdates();
  const query = useQuery({ queryKey: ['count'], queryFn: () => call<number>('count') });
  return <span data-testid="count">{query.data ?? '…'}</span>;
}

describe('useLiveUpdates', () => {
  it('refetches when another process announces a write', async () => {
    let count = 1;
    mockIPC((cmd) => (cmd === 'count' ? count : undefined), { shouldMockEvents: true });
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
    render(
      <QueryClientProvider client={client}>
        <Count />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('1'));
    // Give the listener time to register before the event is sent.
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));

    count = 2;
    await act(() => emit('workspace-changed', { changes: [], everything: true, external: true }));
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('2'));
  });
});
