import { serveMockBackend } from '../../test/serveMockBackend';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { MockBackend } from '../../preview/mockBackend';
import { renderWithApp } from '../../test/renderWithApp';
import { BoardColumn } from './BoardColumn';
import { PAGE_SIZE, TicketList } from './TicketList';

let backend: MockBackend;

beforeEach(() => {
  backend = new MockBackend();
  serveMockBackend(backend);
});

/** The keys the list shows, top to bottom. */
function listedKeys(): string[] {
  return Array.from(screen.getByTestId('ticket-table').querySelectorAll('tbody tr td:first-child')).map(
    (cell) => cell.textContent ?? '',
  );
}

/** The first page of the tickets with `status`, newest first. */
function keysWithStatus(status: string): string[] {
  return backend.matching({ status: status as never }).slice(0, PAGE_SIZE).map((ticket) => ticket.key);
}

describe('TicketList status filter', () => {
  it('narrows the list to one status, newest first', async () => {
    renderWithApp(<TicketList />);
    await waitFor(() => expect(listedKeys().length).toBe(Math.min(PAGE_SIZE, backend.tickets.length)));

    fireEvent.change(screen.getByTestId('filter-status'), { target: { value: 'in_progress' } });

    const expected = keysWithStatus('in_progress');
    expect(expected.length).toBeGreaterThan(1);
    await waitFor(() => expect(listedKeys()).toEqual(expected));
    expect(screen.getByTestId('filter-clear')).toBeTruthy();
  });

  it('opens from a board column on the rest of that column', async () => {
    const column = { status: 'closed' as const, total: 75, total_capped: false, cards: [] };
    const ignore = () => {};
    renderWithApp(
      <>
        <BoardColumn
          column={column}
          now={new Date()}
          dropTarget={false}
          draggedKey={null}
          movingKey={null}
          onPointerDown={ignore}
          onOpen={ignore}
          onMove={ignore}
        />
        <TicketList />
      </>,
    );
    await waitFor(() => expect(listedKeys().length).toBe(Math.min(PAGE_SIZE, backend.tickets.length)));

    fireEvent.click(screen.getByTestId('board-column-more-closed'));

    expect((screen.getByTestId('filter-status') as HTMLSelectElement).value).toBe('closed');
    await waitFor(() => expect(listedKeys()).toEqual(keysWithStatus('closed')));
  });
});
