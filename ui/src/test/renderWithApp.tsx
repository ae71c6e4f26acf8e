import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { ToastProvider } from '../components/Toasts';
import { ActorGateProvider } from '../state/ActorGate';
import { FiltersProvider } from '../state/FiltersContext';
import { useLiveUpdates } from '../state/useLiveUpdates';

function LiveUpdates() {
  useLiveUpdates();
  return null;
}

/** Renders a view inside the providers the app gives it, with a fresh query cache and live updates. */
export function renderWithApp(ui: ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <ActorGateProvider>
          <FiltersProvider>
            <LiveUpdates />
            {ui}
          </FiltersProvider>
        </ActorGateProvider>
      </ToastProvider>
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}
