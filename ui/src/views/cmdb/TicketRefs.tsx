import type { TicketRef } from '../../bindings/TicketRef';
import { routeForKey, routeToHash } from '../../state/route';

type TicketRefsProps = { title: string; refs: TicketRef[]; testId: string; empty: string };

/** Open tickets or problems that name an item, each a link to its record. */
export function TicketRefs({ title, refs, testId, empty }: TicketRefsProps) {
  return (
    <section className="panel" aria-label={title} data-testid={testId}>
      <header className="panel-header">
        <h2>{title}</h2>
        <span className="count">{refs.length}</span>
      </header>
      {refs.length === 0 && <p className="muted">{empty}</p>}
      <ul className="link-list">
        {refs.map((ref) => (
          <li key={ref.key}>
            <a href={routeToHash(routeForKey(ref.key))} className="record-key">
              {ref.key}
            </a>
            <span className="link-title">{ref.title}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
