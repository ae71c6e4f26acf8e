import { mockIPC } from '@tauri-apps/api/mocks';
import { serveMockBackend } from '../../test/serveMockBackend';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixtures } from '../../preview/fixtures';
import { MockBackend } from '../../preview/mockBackend';
import { renderWithApp } from '../../test/renderWithApp';
import { NewTicketForm } from './NewTicketForm';

let backend: MockBackend;

/** The key the store gives the next incident: one past the demo's highest. */
const nextIncidentKey = () => {
  const highest = Math.max(...fixtures.tickets().filter((d) => d.ticket.key.startsWith('INC-')).map((d) => Number(d.ticket.key.slice(4))));
  return `INC-${String(highest + 1).padStart(6, '0')}`;
};

beforeEach(() => {
  backend = new MockBackend();
  serveMockBackend(backend);
});

async function renderForm() {
  renderWithApp(<NewTicketForm />);
  await screen.findByTestId('ticket-form');
  // Let the workspace (actor) load, as it has by the time a person clicks.
  await waitFor(() => expect(backend.calls.some((call) => call.cmd === 'workspace_info')).toBe(true));
}

describe('<NewTicketForm>', () => {
  it('shows a backend field error next to that field', async () => {
    await renderForm();
    await act(async () => fireEvent.click(screen.getByTestId('ticket-form-submit')));
    const error = await screen.findByTestId('field-error-title');
    expect(error.textContent).toBe('Fill in the title.');
    expect(backend.tickets).toHaveLength(fixtures.tickets().length);
  });

  it('shows an error the backend ties to no field above the form', async () => {
    mockIPC((cmd, args) => {
      if (cmd === 'ticket_create') throw { code: 'io', message: 'The disk is full.' };
      return backend.handle(cmd, args as Record<string, unknown>);
    });
    await renderForm();
    fireEvent.change(screen.getByTestId('ticket-form-title'), { target: { value: 'Scanner broken' } });
    await act(async () => fireEvent.click(screen.getByTestId('ticket-form-submit')));
    expect((await screen.findByTestId('ticket-form-error')).textContent).toBe('The disk is full.');
  });

  it('sends the draft with empty references left out, then opens the new record', async () => {
    await renderForm();
    fireEvent.change(screen.getByTestId('ticket-form-title'), { target: { value: 'Scanner sends blank PDFs' } });
    fireEvent.change(screen.getByTestId('ticket-form-description'), { target: { value: 'Every scan is blank.' } });
    fireEvent.change(screen.getByTestId('ticket-form-impact'), { target: { value: 'high' } });
    fireEvent.change(screen.getByTestId('ticket-form-urgency'), { target: { value: 'low' } });
    await act(async () => fireEvent.click(screen.getByTestId('ticket-form-submit')));

    await waitFor(() => expect(window.location.hash).toBe(`#/ticket/${nextIncidentKey()}`));
    const create = backend.calls.find((call) => call.cmd === 'ticket_create')!;
    expect(create.args).toEqual({
      draft: { kind: 'incident', title: 'Scanner sends blank PDFs', description: 'Every scan is blank.', category: '', impact: 'high', urgency: 'low' },
    });
  });

  it('asks who is acting first, then logs the ticket without a second click', async () => {
    backend.actorId = null;
    await renderForm();
    fireEvent.change(screen.getByTestId('ticket-form-title'), { target: { value: 'Badge reader offline' } });
    await act(async () => fireEvent.click(screen.getByTestId('ticket-form-submit')));
    expect(backend.calls.some((call) => call.cmd === 'ticket_create')).toBe(false);

    await waitFor(() => expect(screen.getByTestId('actor-prompt-select').querySelectorAll('option').length).toBeGreaterThan(1));
    fireEvent.change(screen.getByTestId('actor-prompt-select'), { target: { value: backend.directory.people[3].id } });
    await act(async () => fireEvent.click(screen.getByTestId('actor-prompt-confirm')));
    await waitFor(() => expect(window.location.hash).toBe(`#/ticket/${nextIncidentKey()}`));
  });
});
