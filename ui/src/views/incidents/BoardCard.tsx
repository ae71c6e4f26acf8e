import type { PointerEvent as ReactPointerEvent } from 'react';
import type { Status } from '../../bindings/Status';
import type { TicketCard } from '../../bindings/TicketCard';
import { PriorityBadge } from '../../components/Badges';
import { formatAge } from '../../lib/age';
import { MoveToMenu } from './MoveToMenu';

type BoardCardProps = {
  card: TicketCard;
  now: Date;
  moving: boolean;
  dragged: boolean;
  onPointerDown: (event: ReactPointerEvent<HTMLElement>, card: TicketCard) => void;
  onOpen: (card: TicketCard) => void;
  onMove: (card: TicketCard, to: Status) => void;
};

export function BoardCard({ card, now, moving, dragged, onPointerDown, onOpen, onMove }: BoardCardProps) {
  return (
    <article
      className={`card${moving ? ' card-moving' : ''}${dragged ? ' card-dragged' : ''}`}
      data-testid={`ticket-card-${card.key}`}
      data-status={card.status}
      tabIndex={0}
      aria-label={`${card.key} ${card.title}`}
      onPointerDown={(event) => onPointerDown(event, card)}
      onClick={() => onOpen(card)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onOpen(card);
      }}
    >
      <CardFace card={card} now={now}>
        <MoveToMenu ticketKey={card.key} current={card.status} onMove={(to) => onMove(card, to)} />
      </CardFace>
    </article>
  );
}

/** What a card shows; shared with the drag preview so both look the same. */
export function CardFace({ card, now, children }: { card: TicketCard; now: Date; children?: React.ReactNode }) {
  return (
    <>
      <div className="card-top">
        {/* The key's prefix (INC-, REQ-) already says incident or request; the tooltip spells it out. */}
        <span className="record-key" title={card.kind === 'request' ? 'Service request' : 'Incident'}>
          {card.key}
        </span>
        <span className="card-spacer" />
        <PriorityBadge priority={card.priority} />
        {children}
      </div>
      <div className="card-title">{card.title}</div>
      <div className="card-meta">
        <span className={card.assignee_name ? 'card-assignee' : 'card-assignee unassigned'}>
          {card.assignee_name ?? card.group_name ?? 'Unassigned'}
        </span>
        <span className="card-age" title={`Opened ${new Date(card.created_at).toLocaleString()}`}>
          {formatAge(card.created_at, now)}
        </span>
      </div>
    </>
  );
}
