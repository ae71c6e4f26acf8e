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
    // The demo's descriptions are harmless Markdown: give one an attempted script.
    backend.tickets.find((t) => t.key === 'INC-000079')!.description =
      'Description with an attempted script: <img src=x onerror="alert(\'xss\')"> <script>alert(1)</script>';
    renderWithApp(<TicketRecord ticketKey="INC-000079" />);
    expect((await screen.findByTestId('record-title')).textContent).toBe('Laptop will not boot after update');
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
    renderWithApp(<TicketRecord ticketKey="INC-000095" />);
    await screen.findByTestId('record-view');
    await waitFor(() => expect(screen.getByTestId('record-assignee').querySelectorAll('option').length).toBeGreaterThan(1));
    const priya = backend.directory.people[1];
    fireEvent.change(screen.getByTestId('record-assignee'), { target: { value: priya.id } });
    await act(async () => fireEvent.click(screen.getByTestId('record-save')));

    const update = backend.calls.find((call) => call.cmd === 'ticket_update')!;
    expect(update.args).toEqual({ key: 'INC-000095', patch: { assignee_id: priya.id }, expectedVersion: 1 });
    await waitFor(() => expect((screen.getByTestId('record-save') as HTMLButtonElement).disabled).toBe(true));
  });

  it('shows comments, work notes and field changes in one timeline, and adds a work note', async () => {
    // INC-000082: a reply and a work note by Lena Fischer, moves by Grace Liu and Lena.
    renderWithApp(<TicketRecord ticketKey="INC-000082" />);
    const timeline = await screen.findByTestId('timeline');
    await waitFor(() => expect(within(timeline).getAllByText('Lena Fischer').length).toBeGreaterThan(0));
    expect(within(timeline).getAllByText('Grace Liu').length).toBeGreaterThan(0);
    expect(within(timeline).getByText('Work note')).toBeTruthy();
    expect(within(timeline).getAllByText('In progress').length).toBeGreaterThan(0);

    fireEvent.click(screen.getByTestId('comment-internal'));
    fireEvent.change(screen.getByTestId('comment-input'), { target: { value: 'Index rebuilt on **test**.' } });
    await act(async () => fireEvent.click(screen.getByTestId('comment-submit')));
    await waitFor(() => expect(screen.getByText('test', { selector: 'strong' })).toBeTruthy());
    expect(backend.calls.find((call) => call.cmd === 'comment_add')!.args).toEqual({
      parentKey: 'INC-000082',
      draft: { body: 'Index rebuilt on **test**.', internal: true },
    });
  });

  it('explains a refused workflow step in the record view', async () => {
    renderWithApp(<TicketRecord ticketKey="INC-000095" />);
    await act(async () => fireEvent.click(await screen.findByTestId('transition-in_progress')));
    expect((await screen.findByTestId('record-error')).textContent).toBe('Someone must own the ticket before work starts: choose an assignee.');
  });

  it('links a known error found from the incident', async () => {
    renderWithApp(<TicketRecord ticketKey="INC-000097" />);
    fireEvent.change(await screen.findByTestId('known-error-search-input'), { target: { value: 'printer' } });
    fireEvent.click(screen.getByTestId('known-error-search-button'));
    await act(async () => fireEvent.click(await screen.findByTestId('known-error-link-PRB-000004')));
    await waitFor(() => expect(screen.getByTestId('linked-problem').textContent).toContain('PRB-000004'));
    expect(backend.tickets.find((t) => t.key === 'INC-000097')!.problem_id).toBe(backend.problems.find((p) => p.key === 'PRB-000004')!.id);
  });
});
