import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { board } from '../../api/tickets';
import type { AppError } from '../../api/types';
import type { Board } from '../../bindings/Board';
import type { TicketCard } from '../../bindings/TicketCard';
import { toBoardFilter } from '../../state/filters';
import { useFilters } from '../../state/FiltersContext';
import { queryKeys } from '../../state/queryKeys';
import { navigate } from '../../state/route';
import { useDebounced } from '../../state/useDebounced';
import { useNow } from '../../state/useNow';
import { BoardColumn } from './BoardColumn';
import { DragPreview } from './DragPreview';
import { FilterBar } from './FilterBar';
import { usePointerDrag } from './usePointerDrag';
import { useTicketMove } from './useTicketMove';
import { DismissibleError } from '../../components/DismissibleError';

/** The Kanban board: a column per status; cards move by drag and drop or the "Move to…" menu. */
export function IncidentBoard() {
  const { filters } = useFilters();
  const filter = toBoardFilter(useDebounced(filters, 150));
  const now = useNow();
  const [boardError, setBoardError] = useState<string | null>(null);

  const query = useQuery<Board, AppError>({ queryKey: queryKeys.board(filter), queryFn: () => board(filter) });
  const { move, dialog, movingKey } = useTicketMove({ onRefused: setBoardError });

  const moveCard = useCallback(
    (card: TicketCard, to: TicketCard['status']) => {
      setBoardError(null);
      void move(card, to);
    },
    [move],
  );
  const { drag, onPointerDown, wasDragging } = usePointerDrag(moveCard);

  const open = (card: TicketCard) => {
    if (!wasDragging()) navigate({ view: 'ticket', key: card.key });
  };

  return (
    <div className="view board-view">
      <div className="view-header">
        <h1>Incident board</h1>
        <FilterBar />
      </div>
      <DismissibleError message={boardError} testId="board-error" onDismiss={() => setBoardError(null)} />
      {query.error && <div className="banner banner-error">{query.error.message}</div>}
      <div className="board" data-testid="board" aria-busy={query.isFetching}>
        {query.data?.columns.map((column) => (
          <BoardColumn
            key={column.status}
            column={column}
            now={now}
            dropTarget={drag?.over === column.status && drag.card.status !== column.status}
            draggedKey={drag?.card.key ?? null}
            movingKey={movingKey}
            onPointerDown={onPointerDown}
            onOpen={open}
            onMove={moveCard}
          />
        ))}
      </div>
      {drag && <DragPreview drag={drag} now={now} />}
      {dialog}
    </div>
  );
}
