import { serveMockBackend } from '../../test/serveMockBackend';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { MockBackend } from '../../preview/mockBackend';
import { renderWithApp } from '../../test/renderWithApp';
import { TicketRecord } from './TicketRecord';

let backend: MockBackend;

beforeEach(() => {
  backend = new MockBackend();
  serveMockBackend(backend);
});

describe('related records', () => {
  it('adds a link by key and removes it again', async () => {
    renderWithApp(<TicketRecord ticketKey="INC-000095" />);
    fireEvent.change(await screen.findByTestId('link-add-key'), { target: { value: 'inc-000007' } });
    fireEvent.change(screen.getByTestId('link-add-kind'), { target: { value: 'duplicate_of' } });
    await act(async () => fireEvent.click(screen.getByTestId('link-add-submit')));

    expect(await screen.findByTestId('link-INC-000007')).toBeTruthy();
    expect(backend.calls.find((call) => call.cmd === 'link_add')!.args).toEqual({ fromKey: 'INC-000095', toKey: 'INC-000007', kind: 'duplicate_of' });

    await act(async () => fireEvent.click(screen.getByTestId('link-remove-INC-000007')));
    await waitFor(() => expect(screen.queryByTestId('link-INC-000007')).toBeNull());
  });

  it('says so when the other record does not exist', async () => {
    renderWithApp(<TicketRecord ticketKey="INC-000095" />);
    fireEvent.change(await screen.findByTestId('link-add-key'), { target: { value: 'INC-999999' } });
    await act(async () => fireEvent.click(screen.getByTestId('link-add-submit')));
    expect((await screen.findByTestId('link-error')).textContent).toBe('There is no ticket, problem or change INC-999999.');
  });
});
