import { serveMockBackend } from '../../test/serveMockBackend';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Status } from '../../bindings/Status';
import { MockBackend } from '../../preview/mockBackend';
import { renderWithApp } from '../../test/renderWithApp';
import { IncidentBoard } from './IncidentBoard';

let backend: MockBackend;

/** jsdom has no layout: the "point" of a pointer event names the column it is over. */
const COLUMN_X: Record<Status, number> = { new: 100, assigned: 200, in_progress: 300, pending: 400, resolved: 500, closed: 600 };

function columnAtX(x: number): Element | null {
  const status = (Object.keys(COLUMN_X) as Status[]).find((key) => COLUMN_X[key] === x);
  return status ? screen.getByTestId(`board-column-${status}`) : null;
}

async function dragCard(key: string, to: Status) {
  const card = screen.getByTestId(`ticket-card-${key}`);
  const from = COLUMN_X[backend.tickets.find((t) => t.key === key)!.status];
  fireEvent.pointerDown(card, { button: 0, clientX: from, clientY: 50, pointerId: 1 });
  fireEvent.pointerMove(document, { clientX: from + 20, clientY: 60, pointerId: 1 });
  fireEvent.pointerMove(document, { clientX: COLUMN_X[to], clientY: 80, pointerId: 1 });
  await act(async () => {
    fireEvent.pointerUp(document, { button: 0, clientX: COLUMN_X[to], clientY: 80, pointerId: 1 });
  });
}

function column(status: Status) {
  return within(screen.getByTestId(`board-column-${status}`));
}

beforeEach(() => {
  backend = new MockBackend();
  serveMockBackend(backend);
  document.elementFromPoint = vi.fn((x: number) => columnAtX(x));
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('IncidentBoard drag and drop', () => {
  it('shows a column per status with the cards in it', async () => {
    renderWithApp(<IncidentBoard />);
    await screen.findByTestId('ticket-card-INC-000082');
    for (const status of ['new', 'assigned', 'in_progress', 'pending', 'resolved', 'closed']) {
      expect(screen.getByTestId(`board-column-${status}`)).toBeTruthy();
    }
    expect(column('in_progress').getByTestId('ticket-card-INC-000082')).toBeTruthy();
  });

  it('explains a refused drop with the backend message and leaves the card where it was', async () => {
    renderWithApp(<IncidentBoard />);
    // INC-000095 is new and nobody owns it yet.
    await screen.findByTestId('ticket-card-INC-000095');

    await dragCard('INC-000095', 'in_progress');

    const error = await screen.findByTestId('board-error');
    expect(error.textContent).toBe('Someone must own the ticket before work starts: choose an assignee.');
    expect(column('new').getByTestId('ticket-card-INC-000095')).toBeTruthy();
    expect(column('in_progress').queryByTestId('ticket-card-INC-000095')).toBeNull();
    expect(backend.tickets.find((t) => t.key === 'INC-000095')!.status).toBe('new');
  });

  it('asks for a pending reason before moving to Pending, then moves the card', async () => {
    renderWithApp(<IncidentBoard />);
    await screen.findByTestId('ticket-card-INC-000082');

    await dragCard('INC-000082', 'pending');
    const dialog = await screen.findByTestId('transition-dialog');
    expect(column('in_progress').getByTestId('ticket-card-INC-000082')).toBeTruthy();

    // Confirming without a reason keeps the dialog open with the message next to the field.
    await act(async () => fireEvent.click(within(dialog).getByTestId('transition-confirm')));
    expect((await screen.findByTestId('field-error-pending_reason')).textContent).toBe('Say what the ticket is waiting for in the pending reason.');

    fireEvent.change(screen.getByTestId('transition-reason'), { target: { value: 'Waiting for the vendor' } });
    await act(async () => fireEvent.click(screen.getByTestId('transition-confirm')));

    await waitFor(() => expect(column('pending').getByTestId('ticket-card-INC-000082')).toBeTruthy());
    expect(screen.queryByTestId('transition-dialog')).toBeNull();
    const sent = backend.calls.filter((call) => call.cmd === 'ticket_transition').at(-1)!;
    expect(sent.args).toMatchObject({ key: 'INC-000082', transition: { to: 'pending', pending_reason: 'Waiting for the vendor' }, expectedVersion: 7 });
  });

  it('asks for a resolution code and notes before resolving', async () => {
    renderWithApp(<IncidentBoard />);
    await screen.findByTestId('ticket-card-INC-000079');

    await dragCard('INC-000079', 'resolved');
    await screen.findByTestId('transition-dialog');
    fireEvent.change(screen.getByTestId('transition-resolution-code'), { target: { value: 'fixed' } });
    fireEvent.change(screen.getByTestId('transition-resolution-notes'), { target: { value: 'Mapped by policy.' } });
    await act(async () => fireEvent.click(screen.getByTestId('transition-confirm')));

    await waitFor(() => expect(column('resolved').getByTestId('ticket-card-INC-000079')).toBeTruthy());
    expect(backend.tickets.find((t) => t.key === 'INC-000079')).toMatchObject({ status: 'resolved', resolution_code: 'fixed' });
  });

  it('moves a card with a valid drop straight away', async () => {
    renderWithApp(<IncidentBoard />);
    await screen.findByTestId('ticket-card-INC-000091');
    await dragCard('INC-000091', 'in_progress');
    await waitFor(() => expect(column('in_progress').getByTestId('ticket-card-INC-000091')).toBeTruthy());
    expect(screen.queryByTestId('board-error')).toBeNull();
  });

  it('a drop back on its own column does nothing', async () => {
    renderWithApp(<IncidentBoard />);
    await screen.findByTestId('ticket-card-INC-000091');
    await dragCard('INC-000091', 'assigned');
    expect(backend.calls.some((call) => call.cmd === 'ticket_transition')).toBe(false);
  });

  it('offers the same moves from the "Move to…" menu', async () => {
    renderWithApp(<IncidentBoard />);
    await screen.findByTestId('ticket-card-INC-000091');
    fireEvent.click(screen.getByTestId('move-menu-INC-000091'));
    await act(async () => fireEvent.click(screen.getByTestId('move-to-closed')));
    expect((await screen.findByTestId('board-error')).textContent).toBe('Only a resolved ticket can be closed.');
    expect(column('assigned').getByTestId('ticket-card-INC-000091')).toBeTruthy();
  });

  it('asks who is acting before the first move, and moves nothing', async () => {
    backend.actorId = null;
    renderWithApp(<IncidentBoard />);
    await screen.findByTestId('ticket-card-INC-000091');
    await dragCard('INC-000091', 'in_progress');
    expect(await screen.findByTestId('actor-prompt')).toBeTruthy();
    expect(backend.calls.some((call) => call.cmd === 'ticket_transition')).toBe(false);

    // Choosing a person lets the interrupted move go ahead.
    await waitFor(() => expect(screen.getByTestId('actor-prompt-select').querySelectorAll('option').length).toBeGreaterThan(1));
    fireEvent.change(screen.getByTestId('actor-prompt-select'), { target: { value: backend.directory.people[2].id } });
    await act(async () => fireEvent.click(screen.getByTestId('actor-prompt-confirm')));
    await waitFor(() => expect(column('in_progress').getByTestId('ticket-card-INC-000091')).toBeTruthy());
    expect(backend.actorId).toBe(backend.directory.people[2].id);
    expect(screen.queryByTestId('actor-prompt')).toBeNull();
  });
});

describe('IncidentBoard filters', () => {
  it('sends the chosen filters as the board query arguments', async () => {
    renderWithApp(<IncidentBoard />);
    await screen.findByTestId('ticket-card-INC-000091');
    const network = backend.directory.groups[1];
    expect(network.name).toBe('Network');
    await waitFor(() => expect(screen.getByTestId('filter-group').querySelectorAll('option').length).toBeGreaterThan(1));
    fireEvent.change(screen.getByTestId('filter-priority'), { target: { value: '2' } });
    fireEvent.change(screen.getByTestId('filter-group'), { target: { value: network.id } });
    fireEvent.change(screen.getByTestId('filter-text'), { target: { value: ' vpn ' } });

    await waitFor(() => {
      const last = backend.calls.filter((call) => call.cmd === 'board').at(-1)!;
      expect(last.args).toEqual({ filter: { priority: 2, group_id: network.id, text: 'vpn' } });
    });
    // INC-000093 is Network's too, but P3 and not about the VPN.
    await waitFor(() => expect(screen.queryByTestId('ticket-card-INC-000093')).toBeNull());
    expect(screen.getByTestId('ticket-card-INC-000091')).toBeTruthy();
  });
});
