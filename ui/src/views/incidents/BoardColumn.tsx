import type { PointerEvent as ReactPointerEvent } from 'react';
import type { BoardColumn as Column } from '../../bindings/BoardColumn';
import type { Status } from '../../bindings/Status';
import type { TicketCard } from '../../bindings/TicketCard';
import { countLabel } from '../../lib/counts';
import { STATUS_LABEL } from '../../lib/labels';
import { useFilters } from '../../state/FiltersContext';
import { BoardCard } from './BoardCard';

type BoardColumnProps = {
  column: Column;
  now: Date;
  dropTarget: boolean;
  draggedKey: string | null;
  movingKey: string | null;
  onPointerDown: (event: ReactPointerEvent<HTMLElement>, card: TicketCard) => void;
  onOpen: (card: TicketCard) => void;
  onMove: (card: TicketCard, to: Status) => void;
};

export function BoardColumn({ column, now, dropTarget, draggedKey, movingKey, onPointerDown, onOpen, onMove }: BoardColumnProps) {
  const { filters, setFilters } = useFilters();
  const total = Number(column.total);
  const hidden = total - column.cards.length;
  return (
    <section
      className={`board-column${dropTarget ? ' drop-target' : ''}`}
      data-testid={`board-column-${column.status}`}
      data-drop-status={column.status}
      aria-label={STATUS_LABEL[column.status]}
    >
      <header className="board-column-header">
        <span className={`status-dot status-dot-${column.status}`} aria-hidden="true" />
        <h2>{STATUS_LABEL[column.status]}</h2>
        <span className="count" data-testid={`board-column-count-${column.status}`}>
          {countLabel(column)}
        </span>
      </header>
      <div className="board-column-cards">
        {column.cards.map((card) => (
          <BoardCard
            key={card.id}
            card={card}
            now={now}
            moving={movingKey === card.key}
            dragged={draggedKey === card.key}
            onPointerDown={onPointerDown}
            onOpen={onOpen}
            onMove={onMove}
          />
        ))}
        {column.cards.length === 0 && <div className="board-column-empty">No tickets</div>}
        {hidden > 0 && (
          <a
            className="board-column-more"
            href="#/list"
            data-testid={`board-column-more-${column.status}`}
            // The list opens on the rest of this column: the same filters, and this status.
            onClick={() => setFilters({ ...filters, status: column.status })}
          >
            {countLabel({ ...column, total: hidden })} more in the list view
          </a>
        )}
      </div>
    </section>
  );
}
