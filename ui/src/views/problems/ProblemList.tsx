import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { problemsList } from '../../api/problems';
import type { AppError } from '../../api/types';
import type { Problem } from '../../bindings/Problem';
import { KnownErrorBadge, PriorityBadge } from '../../components/Badges';
import { formatAge } from '../../lib/age';
import { PROBLEM_STATUS_LABEL } from '../../lib/labels';
import { queryKeys } from '../../state/queryKeys';
import { navigate, routeToHash } from '../../state/route';
import { useDebounced } from '../../state/useDebounced';
import { useDirectory } from '../../state/useDirectory';
import { useNow } from '../../state/useNow';

/** Problems (causes of incidents), with a switch to show only known errors. */
export function ProblemList() {
  const [text, setText] = useState('');
  const [knownErrorsOnly, setKnownErrorsOnly] = useState(false);
  const settledText = useDebounced(text.trim(), 150);
  const directory = useDirectory();
  const now = useNow();
  const args = { ...(settledText ? { text: settledText } : {}), ...(knownErrorsOnly ? { knownErrorsOnly } : {}) };
  const query = useQuery<Problem[], AppError>({
    queryKey: queryKeys.problems(args),
    queryFn: () => problemsList(args),
    placeholderData: (previous) => previous,
  });

  return (
    <div className="view list-view">
      <div className="view-header">
        <h1>Problems</h1>
        <div className="filter-bar">
          <input type="search" className="filter-text" placeholder="Filter by text…" aria-label="Filter problems" value={text} data-testid="problems-filter-text" onChange={(event) => setText(event.target.value)} />
          <label className="checkbox">
            <input type="checkbox" checked={knownErrorsOnly} data-testid="problems-known-only" onChange={(event) => setKnownErrorsOnly(event.target.checked)} />
            Known errors only
          </label>
          <span className="card-spacer" />
          <a className="button primary" href={routeToHash({ view: 'new-problem' })} data-testid="new-problem-button">
            + New problem
          </a>
        </div>
      </div>
      {query.error && <div className="banner banner-error">{query.error.message}</div>}
      <div className="panel table-panel">
        <table className="data-table" data-testid="problem-table">
          <thead>
            <tr>
              <th className="col-key">Key</th>
              <th>Title</th>
              <th className="col-status">Status</th>
              <th className="col-priority">Priority</th>
              <th>Assignee</th>
              <th>Service</th>
              <th className="col-age">Age</th>
            </tr>
          </thead>
          <tbody>
            {query.data?.map((problem) => (
              <tr
                key={problem.id}
                tabIndex={0}
                data-testid={`problem-row-${problem.key}`}
                onClick={() => navigate({ view: 'problem', key: problem.key })}
                onKeyDown={(event) => event.key === 'Enter' && navigate({ view: 'problem', key: problem.key })}
              >
                <td className="col-key">
                  <span className="record-key">{problem.key}</span>
                </td>
                <td className="col-title">
                  {problem.title} {problem.known_error && <KnownErrorBadge />}
                </td>
                <td className="col-status">
                  <span className={`status problem-status-${problem.status}`}>{PROBLEM_STATUS_LABEL[problem.status]}</span>
                </td>
                <td className="col-priority">
                  <PriorityBadge priority={problem.priority} />
                </td>
                <td>{directory.personName(problem.assignee_id) ?? <span className="muted">Unassigned</span>}</td>
                <td>{directory.serviceName(problem.service_id) ?? '—'}</td>
                <td className="col-age">{formatAge(problem.created_at, now)}</td>
              </tr>
            ))}
            {query.data?.length === 0 && (
              <tr>
                <td colSpan={7} className="table-empty">
                  {knownErrorsOnly ? 'No known errors match.' : 'No problems match.'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
