import { useQuery } from '@tanstack/react-query';
import { slaConsistency } from '../../api/serviceLevels';
import type { AppError } from '../../api/types';
import type { ConsistencyFinding } from '../../bindings/ConsistencyFinding';
import { routeToHash } from '../../state/route';
import { slaQueryKeys } from '../sla/slaQueryKeys';

const TITLE: Record<string, string> = {
  service_without_sla: 'No SLA',
  underpinning_resolution_longer: 'Resolution target longer than the SLA’s',
  underpinning_response_longer: 'Response target longer than the SLA’s',
  underpinning_coverage_short: 'Shorter coverage than the SLA',
};

/** Where agreements do not hold each other up: services without an SLA, OLAs or contracts weaker than the SLA. */
export function ConsistencyFindings() {
  const query = useQuery<ConsistencyFinding[], AppError>({ queryKey: slaQueryKeys.consistency, queryFn: slaConsistency });
  if (query.isPending) return <p className="muted">Checking…</p>;
  if (query.error) return <div className="banner banner-error">{query.error.message}</div>;
  return (
    <div className="panel table-panel" data-testid="consistency-findings">
      <table className="data-table">
        <thead>
          <tr>
            <th>Finding</th>
            <th>Service</th>
            <th>Agreements</th>
            <th>Detail</th>
          </tr>
        </thead>
        <tbody>
          {query.data.map((finding, index) => (
            <tr key={index} className="static-row" data-testid={`finding-${finding.code}`}>
              <td>{TITLE[finding.code] ?? finding.code}</td>
              <td>
                <a className="record-key" href={routeToHash({ view: 'catalogue', tab: 'services' })}>
                  {finding.service_key}
                </a>
              </td>
              <td>
                {[finding.sla_key, finding.underpinning_key].filter(Boolean).join(' ↔ ') || '—'}
                {finding.priority !== undefined && <span className="muted"> · P{finding.priority}</span>}
              </td>
              <td className="finding-message">{finding.message}</td>
            </tr>
          ))}
          {query.data.length === 0 && (
            <tr>
              <td colSpan={4} className="table-empty">
                Every service has an SLA, and every OLA and contract supports it.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
