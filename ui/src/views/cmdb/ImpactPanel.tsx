import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { cmdbImpact } from '../../api/cmdb';
import type { AppError } from '../../api/types';
import type { Direction } from '../../bindings/Direction';
import type { ImpactHit } from '../../bindings/ImpactHit';
import type { ImpactReport } from '../../bindings/ImpactReport';
import { queryKeys } from '../../state/queryKeys';
import { nodeHref } from './RelationshipsPanel';

const DIRECTIONS: { id: Direction; label: string }[] = [
  { id: 'down', label: 'What this breaks' },
  { id: 'up', label: 'What this relies on' },
];
const DEPTHS = [1, 2, 3, 5, null] as const;

/** The path that explains a hit, read from the item outwards. */
export const pathText = (hit: ImpactHit) => hit.path.map((step) => `${step.from} ${step.relation_name} ${step.to}`).join(' → ');

/** Impact analysis: the items and services reached, and the customers and SLAs behind them. */
export function ImpactPanel({ ciKey }: { ciKey: string }) {
  const [direction, setDirection] = useState<Direction>('down');
  const [depth, setDepth] = useState<number | null>(null);
  const query = useQuery<ImpactReport, AppError>({
    queryKey: queryKeys.impact(ciKey, direction, depth),
    queryFn: () => cmdbImpact(ciKey, direction, depth),
  });
  const report = query.data;
  return (
    <section className="panel" aria-label="Impact" data-testid="ci-impact">
      <header className="panel-header">
        <h2>Impact</h2>
        <div className="segmented" role="group" aria-label="Direction">
          {DIRECTIONS.map((d) => (
            <button key={d.id} type="button" className={`segment${direction === d.id ? ' active' : ''}`} aria-pressed={direction === d.id} onClick={() => setDirection(d.id)} data-testid={`impact-${d.id}`}>
              {d.label}
            </button>
          ))}
        </div>
        <label className="inline-label">
          Depth{' '}
          <select value={depth ?? ''} onChange={(event) => setDepth(event.target.value ? Number(event.target.value) : null)} data-testid="impact-depth">
            {DEPTHS.map((d) => (
              <option key={d ?? 'all'} value={d ?? ''}>
                {d ?? 'all'}
              </option>
            ))}
          </select>
        </label>
      </header>
      {query.error && <div className="banner banner-error">{query.error.message}</div>}
      {report && (
        <>
          <div className="impact-summary" data-testid="impact-summary">
            <ImpactList title="Services" testId="impact-services" items={report.services.map((s) => ({ key: s.key, text: s.name }))} />
            <ImpactList title="Customers" testId="impact-customers" items={report.customers.map((c) => ({ key: c.key, text: `${c.name} (via ${c.via_services.join(', ')})` }))} />
            <ImpactList title="SLAs" testId="impact-slas" items={report.slas.map((s) => ({ key: s.key, text: `${s.name} — ${s.customer_key} on ${s.service_key}` }))} />
          </div>
          <h3 className="panel-subhead">
            {report.hits.length} {direction === 'down' ? 'affected' : 'relied on'}, nearest first
          </h3>
          {report.hits.length === 0 && <p className="muted">{direction === 'down' ? 'Nothing depends on this item.' : 'This item relies on nothing recorded.'}</p>}
          <ol className="impact-hits" data-testid="impact-hits">
            {report.hits.slice(0, 200).map((hit) => (
              <li key={hit.node.key} data-testid={`impact-hit-${hit.node.key}`} title={pathText(hit)}>
                <span className="impact-depth">{hit.depth}</span>
                <a href={nodeHref(hit.node)} className="record-key">
                  {hit.node.key}
                </a>{' '}
                {hit.node.name}
                <div className="impact-path muted">{pathText(hit)}</div>
              </li>
            ))}
          </ol>
          {report.hits.length > 200 && <p className="muted">{report.hits.length - 200} more not listed; narrow the depth to see fewer.</p>}
        </>
      )}
    </section>
  );
}

function ImpactList({ title, items, testId }: { title: string; items: { key: string; text: string }[]; testId: string }) {
  return (
    <div className="impact-list" data-testid={testId}>
      <div className="impact-list-title">
        {title} <span className="count">{items.length}</span>
      </div>
      {items.length === 0 ? (
        <span className="muted">None</span>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.key}>
              <span className="record-key">{item.key}</span> {item.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
