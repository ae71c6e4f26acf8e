import { serveMockBackend } from '../../test/serveMockBackend';
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { MockBackend } from '../../preview/mockBackend';
import { renderWithApp } from '../../test/renderWithApp';
import { TicketClocksPanel } from './TicketClocksPanel';

let backend: MockBackend;
beforeEach(() => {
  backend = new MockBackend();
  serveMockBackend(backend);
});

describe('<TicketClocksPanel>', () => {
  it('shows both clocks and every counted interval and pause', async () => {
    // INC-000088: answered late (its response clock breached), paused while pending, resolution running.
    renderWithApp(<TicketClocksPanel ticketKey="INC-000088" />);
    const resolution = await screen.findByTestId('clock-resolution');
    const explanation = backend.serviceLevels.explain('INC-000088')!;
    expect(resolution.dataset.state).toBe('running');
    expect(screen.getByTestId('clock-response').dataset.state).toBe('stopped');
    expect(screen.getByTestId('clock-response-elapsed').textContent).toBe('4 h 2 min of 4 h');
    expect(screen.getByTestId('clock-response').dataset.breached).toBe('true');
    const spans = within(screen.getByTestId('clock-spans-resolution')).getAllByRole('listitem');
    expect(spans.map((span) => span.dataset.state)).toEqual(explanation.resolution.spans.map((span) => span.state));
    expect(spans[3].textContent).toContain('Paused · Pending');
    expect(spans[1].textContent).toContain('Counted · Assigned');
  });

  it('says when no SLA covers the ticket', async () => {
    renderWithApp(<TicketClocksPanel ticketKey="INC-000001" />);
    expect(await screen.findByTestId('ticket-clocks-none')).toBeTruthy();
  });
});
