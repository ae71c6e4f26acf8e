import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ticketImpact } from '../../api/cmdb';
import type { AppError } from '../../api/types';
import type { TicketImpact } from '../../bindings/TicketImpact';
import { queryKeys } from '../../state/queryKeys';
import { routeToHash } from '../../state/route';
import { CiPicker, type PickedCi } from './CiPicker';

type AffectedItemsPanelProps = {
  /** An incident's, a request's or a problem's key. */
  ticketKey: string;
  /** Saves a new list of the ticket's items (by id); resolves once saved. */
  onSave: (ids: string[]) => Promise<unknown>;
  editable: boolean;
};

/**
 * The configuration items a ticket or problem is about, and what their failure reaches: the services
 * hit, the customers who take them and the SLAs that cover them.
 */
export function AffectedItemsPanel({ ticketKey, onSave, editable }: AffectedItemsPanelProps) {
  const [editing, setEditing] = useState<PickedCi[] | null>(null);
  const query = useQuery<TicketImpact, AppError>({ queryKey: queryKeys.ticketImpact(ticketKey), queryFn: () => ticketImpact(ticketKey) });
  const impact = query.data;
  const save = async () => {
    if (!editing) return;
    await onSave(editing.map((ci) => ci.id));
    setEditing(null);
  };
  return (
    <section className="panel" aria-label="Affected items" data-testid="affected-items">
      <header className="panel-header">
        <h2>Affected items</h2>
        <span className="count">{impact?.cis.length ?? 0}</span>
        <span className="card-spacer" />
        {editable && !editing && impact && (
          <button type="button" className="link-button" onClick={() => setEditing(impact.cis.map((ci) => ({ id: ci.id, key: ci.key, name: ci.name })))} data-testid="affected-items-edit">
            Change
          </button>
        )}
      </header>
      {query.error && <div className="banner banner-error">{query.error.message}</div>}
      {editing ? (
        <>
          <CiPicker picked={editing} onChange={setEditing} testId="affected-items-picker" />
          <div className="panel-footer">
            <button type="button" className="button" onClick={() => setEditing(null)}>
              Cancel
            </button>
            <button type="button" className="button primary" onClick={() => void save()} data-testid="affected-items-save">
              Save
            </button>
          </div>
        </>
      ) : (
        impact && (
          <>
            {impact.cis.length === 0 && <p className="muted">No configuration item named.</p>}
            <ul className="link-list">
              {impact.cis.map((ci) => (
                <li key={ci.id}>
                  <a href={routeToHash({ view: 'ci', key: ci.key })} className="record-key">
                    {ci.key}
                  </a>
                  <span className="link-title">{ci.name}</span>
                </li>
              ))}
            </ul>
            {impact.cis.length > 0 && (
              <div className="impact-hit-summary" data-testid="ticket-hit-services">
                <div>
                  <strong>Services hit:</strong> {impact.services.length === 0 ? 'none' : impact.services.map((s) => s.name).join(', ')}
                </div>
                <div data-testid="ticket-hit-customers">
                  <strong>Customers:</strong> {impact.customers.length === 0 ? 'none' : impact.customers.map((c) => c.name).join(', ')}
                </div>
                <div>
                  <strong>SLAs:</strong> {impact.slas.length === 0 ? 'none' : impact.slas.map((s) => s.name).join(', ')}
                </div>
              </div>
            )}
          </>
        )
      )}
    </section>
  );
}
