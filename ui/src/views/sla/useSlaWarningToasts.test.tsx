import { emit } from '@tauri-apps/api/event';
import { mockIPC } from '@tauri-apps/api/mocks';
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SlaWarning } from '../../api/serviceLevels';
import { renderWithApp } from '../../test/renderWithApp';
import { useSlaWarningToasts, warningMessage } from './useSlaWarningToasts';

function Listener() {
  useSlaWarningToasts();
  return null;
}

const warning = (threshold: number, breached: boolean): SlaWarning => ({
  ticket_key: 'INC-000042',
  title: 'Payroll export fails',
  clock: 'resolution',
  threshold,
  breached,
  due_at: '2026-05-14T12:00:00.000Z',
});

describe('sla-warning toasts', () => {
  it('words a threshold and a breach differently', () => {
    expect(warningMessage(warning(75, false))).toBe('INC-000042 has used 75 % of its resolution target: Payroll export fails');
    expect(warningMessage(warning(100, true))).toBe('INC-000042 breached its resolution target: Payroll export fails');
  });

  it('shows a toast for each event the shell emits', async () => {
    mockIPC(() => null, { shouldMockEvents: true });
    renderWithApp(<Listener />);
    // Give the listener time to register before the shell "emits".
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
    await act(async () => emit('sla-warning', warning(100, true)));
    await waitFor(() => expect(screen.getByTestId('toast').textContent).toContain('INC-000042 breached its resolution target'));
    expect(screen.getByTestId('toast').className).toContain('toast-error');
  });
});
