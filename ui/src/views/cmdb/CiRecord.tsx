import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ciGet, ciRetire, ciVerify } from '../../api/cmdb';
import type { AppError } from '../../api/types';
import type { CiDetail } from '../../bindings/CiDetail';
import { queryKeys } from '../../state/queryKeys';
import { navigate, routeToHash } from '../../state/route';
import { AsOfPanel } from './AsOfPanel';
import { CiDetailsPanel } from './CiDetailsPanel';
import { CiEditor } from './CiEditor';
import { CI_STATUS_LABEL, CRITICALITY_LABEL } from './cmdbLabels';
import { ImpactPanel } from './ImpactPanel';
import { RelationshipsPanel } from './RelationshipsPanel';
import { TicketRefs } from './TicketRefs';
import { useCmdbVocabulary } from './useCmdbVocabulary';

/** One configuration item: what it is, what it connects to, what its failure would hit. */
export function CiRecord({ ciKey }: { ciKey: string }) {
  const vocabulary = useCmdbVocabulary();
  const [editing, setEditing] = useState(false);
  const query = useQuery<CiDetail, AppError>({ queryKey: queryKeys.ci(ciKey), queryFn: () => ciGet(ciKey) });
  const verify = useMutation<unknown, AppError>({ mutationFn: () => ciVerify(ciKey) });
  const retire = useMutation<unknown, AppError>({
    mutationFn: () => ciRetire(ciKey),
    onSuccess: () => navigate({ view: 'cmdb', tab: 'items' }),
  });

  if (query.isPending) return <div className="loading">Loading {ciKey}…</div>;
  if (query.error) {
    return (
      <div className="empty-state">
        <p>{query.error.message}</p>
        <a className="button" href={routeToHash({ view: 'cmdb', tab: 'items' })}>
          Back to the CMDB
        </a>
      </div>
    );
  }
  const detail = query.data;
  const { ci } = detail;
  const actionError = verify.error ?? retire.error;
  const confirmRetire = () => {
    if (window.confirm(`Retire ${ci.key} “${ci.name}”? It stays in the history and in old records.`)) retire.mutate();
  };

  return (
    <div className="view record-view" data-testid="ci-record-view" data-record-key={ci.key}>
      <header className="record-header">
        <div className="record-header-top">
          <a className="back-link" href={routeToHash({ view: 'cmdb', tab: 'items' })}>
            ← CMDB
          </a>
          <span className="record-key">{ci.key}</span>
          <span className="tag">{vocabulary.className(ci.class)}</span>
          <span className={`status ci-status-${ci.status}`} data-testid="ci-status-badge">
            {CI_STATUS_LABEL[ci.status]}
          </span>
          <span className={`criticality criticality-${ci.criticality}`}>{CRITICALITY_LABEL[ci.criticality]}</span>
          <span className="card-spacer" />
          {!ci.deleted_at && (
            <div className="workflow-buttons">
              <a className="button" href={routeToHash({ view: 'ci-graph', key: ci.key })} data-testid="ci-open-graph">
                Graph
              </a>
              <button type="button" className="button" onClick={() => verify.mutate()} disabled={verify.isPending} data-testid="ci-verify">
                Mark verified
              </button>
              <button type="button" className="button" onClick={() => setEditing(true)} data-testid="ci-edit">
                Edit
              </button>
              <button type="button" className="button danger" onClick={confirmRetire} disabled={retire.isPending} data-testid="ci-retire">
                Retire…
              </button>
            </div>
          )}
        </div>
        <h1 className="record-title" data-testid="ci-name">
          {ci.name}
        </h1>
        {ci.deleted_at && <div className="record-state-note">Retired: kept for the history and the records that name it.</div>}
        {actionError && <div className="banner banner-error">{actionError.message}</div>}
      </header>
      <div className="record-layout">
        <div className="record-main">
          <ImpactPanel ciKey={ci.key} />
          <RelationshipsPanel detail={detail} />
          <AsOfPanel ci={ci} />
        </div>
        <aside className="record-side">
          <CiDetailsPanel detail={detail} />
          <TicketRefs title="Open incidents and requests" refs={detail.open_tickets} testId="ci-open-tickets" empty="No open incident or request names this item." />
          <TicketRefs title="Open problems" refs={detail.open_problems} testId="ci-open-problems" empty="No open problem names this item." />
        </aside>
      </div>
      {editing && <CiEditor ci={ci} onClose={() => setEditing(false)} />}
    </div>
  );
}
