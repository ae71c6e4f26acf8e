import { serveMockBackend } from '../../test/serveMockBackend';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { MockBackend } from '../../preview/mockBackend';
import { renderWithApp } from '../../test/renderWithApp';
import { ProblemList } from './ProblemList';
import { ProblemRecord } from './ProblemRecord';

let backend: MockBackend;

beforeEach(() => {
  backend = new MockBackend();
  serveMockBackend(backend);
});

describe('problems', () => {
  it('lists only known errors when asked', async () => {
    renderWithApp(<ProblemList />);
    // PRB-000005 is not a known error yet; PRB-000001 is.
    await screen.findByTestId('problem-row-PRB-000005');
    fireEvent.click(screen.getByTestId('problems-known-only'));
    await waitFor(() => {
      expect(screen.queryByTestId('problem-row-PRB-000005')).toBeNull();
      expect(screen.getByTestId('problem-row-PRB-000001')).toBeTruthy();
    });
    expect(backend.calls.filter((call) => call.cmd === 'problems_list').at(-1)!.args).toEqual({ knownErrorsOnly: true });
  });

  it('shows root cause, workaround and linked incidents, and saves the known-error flag', async () => {
    renderWithApp(<ProblemRecord problemKey="PRB-000005" />);
    await screen.findByTestId('problem-record-view');
    expect(screen.getByTestId('problem-root-cause').textContent).toBe('Not yet known.');

    fireEvent.click(screen.getByTestId('problem-edit-text'));
    fireEvent.change(screen.getByTestId('problem-workaround-input'), { target: { value: 'Export **one week** at a time.' } });
    fireEvent.click(screen.getByTestId('problem-known-error'));
    await act(async () => fireEvent.click(screen.getByTestId('problem-save')));

    expect(backend.calls.find((call) => call.cmd === 'problem_update')!.args).toEqual({
      key: 'PRB-000005',
      patch: { workaround: 'Export **one week** at a time.', known_error: true },
      expectedVersion: 2,
    });
    await waitFor(() => expect(screen.getByTestId('problem-workaround').querySelector('strong')?.textContent).toBe('one week'));
  });

  it('lists the incidents linked to a problem', async () => {
    renderWithApp(<ProblemRecord problemKey="PRB-000001" />);
    expect(await screen.findByTestId('problem-incident-INC-000094')).toBeTruthy();
  });
});
