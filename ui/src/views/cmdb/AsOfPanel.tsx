import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ciAsOf } from '../../api/cmdb';
import type { AppError } from '../../api/types';
import type { Ci } from '../../bindings/Ci';
import type { CiAsOf } from '../../bindings/CiAsOf';
import { queryKeys } from '../../state/queryKeys';
import { useDebounced } from '../../state/useDebounced';
import { CI_STATUS_LABEL } from './cmdbLabels';

const STEPS = 200;

/**
 * The item as it was at a moment of its life, rebuilt by the store from the audit history
 * (each entry checked against its digest): the auditor's "what did this look like on…".
 */
export function AsOfPanel({ ci }: { ci: Ci }) {
  const from = new Date(ci.created_at).getTime();
  const to = Date.now();
  const [step, setStep] = useState(STEPS);
  const settled = useDebounced(step, 200);
  const at = new Date(from + ((to - from) * settled) / STEPS).toISOString();
  const query = useQuery<CiAsOf, AppError>({
    queryKey: queryKeys.ciAsOf(ci.key, at),
    queryFn: () => ciAsOf(ci.key, at),
    placeholderData: (previous) => previous,
  });
  const then = query.data?.ci;
  return (
    <section className="panel" aria-label="History" data-testid="ci-as-of">
      <header className="panel-header">
        <h2>As of</h2>
        <span className="muted" data-testid="as-of-time">
          {new Date(at).toLocaleString()}
        </span>
      </header>
      <input type="range" min={0} max={STEPS} value={step} onChange={(event) => setStep(Number(event.target.value))} aria-label="Moment in the item's history" className="as-of-slider" data-testid="as-of-slider" />
      {query.error && <div className="banner banner-error">{query.error.message}</div>}
      {query.data && !then && <p className="muted">The item did not exist then.</p>}
      {then && (
        <dl className="ci-facts" data-testid="as-of-state">
          <div className="details-row">
            <dt>Name</dt>
            <dd>{then.name}</dd>
          </div>
          <div className="details-row">
            <dt>Status</dt>
            <dd>{CI_STATUS_LABEL[then.status]}</dd>
          </div>
          <div className="details-row">
            <dt>Relationships</dt>
            <dd>{query.data?.relationships.length ?? 0}</dd>
          </div>
          <div className="details-row">
            <dt>Revision</dt>
            <dd>
              {then.version} (rebuilt from {query.data?.entries_replayed} history entries)
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}
