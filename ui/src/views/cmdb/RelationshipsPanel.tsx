import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { relationshipRetire } from '../../api/cmdb';
import type { AppError } from '../../api/types';
import type { CiDetail } from '../../bindings/CiDetail';
import type { NodeRef } from '../../bindings/NodeRef';
import type { RelationshipView } from '../../bindings/RelationshipView';
import { routeToHash } from '../../state/route';
import { RelateForm } from './RelateForm';

/** Where a relationship's other end leads: a CI's record or the catalogue. */
export const nodeHref = (node: NodeRef) =>
  node.kind === 'ci' ? routeToHash({ view: 'ci', key: node.key }) : routeToHash({ view: 'catalogue', tab: 'services' });

/** The item's relationships both ways, read as sentences, with a way to add and retire them. */
export function RelationshipsPanel({ detail }: { detail: CiDetail }) {
  const [adding, setAdding] = useState(false);
  const retire = useMutation<unknown, AppError, string>({ mutationFn: relationshipRetire });
  const rows: { view: RelationshipView; other: NodeRef; reading: string }[] = [
    ...detail.outgoing.map((view) => ({ view, other: view.target, reading: view.relation_name })),
    ...detail.incoming.map((view) => ({ view, other: view.source, reading: view.reverse_name })),
  ];
  return (
    <section className="panel" aria-label="Relationships" data-testid="ci-relationships">
      <header className="panel-header">
        <h2>Relationships</h2>
        <span className="count">{rows.length}</span>
        <span className="card-spacer" />
        {!detail.ci.deleted_at && (
          <button type="button" className="button" onClick={() => setAdding(true)} data-testid="ci-relate">
            + Relate
          </button>
        )}
      </header>
      {retire.error && <div className="banner banner-error">{retire.error.message}</div>}
      {rows.length === 0 && <p className="muted">Not related to anything yet.</p>}
      <table className="data-table compact">
        <tbody>
          {rows.map(({ view, other, reading }) => (
            <tr key={`${view.key ?? view.source.key + view.target.key}-${other.key}`} data-testid={`relationship-${other.key}`}>
              <td className="relation-reading">This item {reading}</td>
              <td>
                <a href={nodeHref(other)} className="record-key">
                  {other.key}
                </a>{' '}
                {other.name} {other.retired && <span className="tag">retired</span>}
              </td>
              <td className="col-actions">
                {view.key ? (
                  <button type="button" className="link-button" onClick={() => retire.mutate(view.key!)} aria-label={`Remove the relationship to ${other.key}`}>
                    Remove
                  </button>
                ) : (
                  <span className="muted" title="Kept in the service's dependencies in the catalogue">catalogue</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {adding && <RelateForm ci={detail.ci} onClose={() => setAdding(false)} />}
    </section>
  );
}
