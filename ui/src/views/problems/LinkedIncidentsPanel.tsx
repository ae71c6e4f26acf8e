import type { TicketCard } from '../../bindings/TicketCard';
import { StatusBadge } from '../../components/Badges';
import { routeToHash } from '../../state/route';

/** The incidents this problem causes; each opens its record, where the link is made or undone. */
export function LinkedIncidentsPanel({ incidents }: { incidents: TicketCard[] }) {
  return (
    <section className="panel" aria-label="Linked incidents" data-testid="problem-incidents">
      <header className="panel-header">
        <h2>Linked incidents</h2>
        <span className="count">{incidents.length}</span>
      </header>
      {incidents.length === 0 && <p className="muted">No incidents linked yet. Link them from the incident&apos;s record.</p>}
      <ul className="link-list">
        {incidents.map((card) => (
          <li key={card.id} data-testid={`problem-incident-${card.key}`}>
            <a href={routeToHash({ view: 'ticket', key: card.key })} className="record-key">
              {card.key}
            </a>
            <span className="link-title">{card.title}</span>
            <StatusBadge status={card.status} />
          </li>
        ))}
      </ul>
    </section>
  );
}
