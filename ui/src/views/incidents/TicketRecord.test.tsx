import { serveMockBackend } from '../../test/serveMockBackend';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { MockBackend } from '../../preview/mockBackend';
import { renderWithApp } from '../../test/renderWithApp';
import { TicketRecord } from './TicketRecord';

let backend: MockBackend;

beforeEach(() => {
  backend = new MockBackend();
  serveMockBackend(backend);
});

describe('<TicketRecord>', () => {
  it('shows the fields, the sanitised description and the workflow buttons from next_statuses', async () => {
    renderWithApp(<TicketRecord ticketKey="INC-000006" />);
    expect((await screen.findByTestId('record-title')).textContent).toBe('Website contact form returns 500');
    expect(screen.getByTestId('record-status').dataset.status).toBe('in_progress');
    const description = screen.getByTestId('record-description');
    expect(description.querySelector('script')).toBeNull();
    expect(description.querySelector('[onerror]')).toBeNull();
    expect(screen.getByTestId('transition-assigned')).toBeTruthy();
    expect(screen.getByTestId('transition-pending')).toBeTruthy();
    expect(screen.getByTestId('transition-resolved')).toBeTruthy();
    expect(screen.queryByTestId('transition-closed')).toBeNull();
  });

  it('saves only the changed field against the version on screen', async () => {
    renderWithApp(<TicketRecord ticketKey="INC-000003" />);
    await screen.findByTestId('record-view');
    await waitFor(() => expect(screen.getByTestId('record-assignee').querySelectorAll('option').length).toBeGreaterThan(1));
    const jonas = backend.directory.people[1];
    fireEvent.change(screen.getByTestId('record-assignee'), { target: { value: jonas.id } });
    await act(async () => fireEvent.click(screen.getByTestId('record-save')));

    const update = backend.calls.find((call) => call.cmd === 'ticket_update')!;
    expect(update.args).toEqual({ key: 'INC-000003', patch: { assignee_id: jonas.id }, expectedVersion: 3 });
    await waitFor(() => expect((screen.getByTestId('record-save') as HTMLButtonElement).disabled).toBe(true));
  });

  it('shows comments, work notes and field changes in one timeline, and adds a work note', async () => {
    renderWithApp(<TicketRecord ticketKey="INC-000001" />);
    const timeline = await screen.findByTestId('timeline');
    await waitFor(() => expect(within(timeline).getAllByText('Jonas Weber').length).toBeGreaterThan(0));
    expect(within(timeline).getByText('Work note')).toBeTruthy();
    expect(within(timeline).getAllByText('In progress').length).toBeGreaterThan(0);

    fireEvent.click(screen.getByTestId('comment-internal'));
    fireEvent.change(screen.getByTestId('comment-input'), { target: { value: 'Index rebuilt on **test**.' } });
    await act(async () => fireEvent.click(screen.getByTestId('comment-submit')));
    await waitFor(() => expect(screen.getByText('test', { selector: 'strong' })).toBeTruthy());
    expect(backend.calls.find((call) => call.cmd === 'comment_add')!.args).toEqual({
      parentKey: 'INC-000001',
      draft: { body: 'Index rebuilt on **test**.', internal: true },
    });
  });

  it('explains a refused workflow step in the record view', async () => {
    renderWithApp(<TicketRecord ticketKey="INC-000003" />);
    await act(async () => fireEvent.click(await screen.findByTestId('transition-in_progress')));
    expect((await screen.findByTestId('record-error')).textContent).toBe('Someone must own the ticket before work starts: set an assignee.');
  });

  it('links a known error found from the incident', async () => {
    renderWithApp(<TicketRecord ticketKey="INC-000001" />);
    fireEvent.change(await screen.findByTestId('known-error-search-input'), { target: { value: 'VPN disconnects' } });
    fireEvent.click(screen.getByTestId('known-error-search-button'));
    await act(async () => fireEvent.click(await screen.findByTestId('known-error-link-PRB-000001')));
    await waitFor(() => expect(screen.getByTestId('linked-problem').textContent).toContain('PRB-000001'));
    expect(backend.tickets[0].problem_id).toBe(backend.problems[0].id);
  });
});
