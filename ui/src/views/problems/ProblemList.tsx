import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { problemsList } from '../../api/problems';
import type { AppError } from '../../api/types';
import type { Problem } from '../../bindings/Problem';
import { KnownErrorBadge, PriorityBadge } from '../../components/Badges';
import { DataTable, type Column } from '../../components/DataTable';
import { formatAge } from '../../lib/age';
import { PROBLEM_STATUS_LABEL } from '../../lib/labels';
import { queryKeys } from '../../state/queryKeys';
import { navigate, routeToHash } from '../../state/route';
import { useDebounced } from '../../state/useDebounced';
import { useDirectory, type DirectoryLookup } from '../../state/useDirectory';
import { useNow } from '../../state/useNow';

const columns = (directory: DirectoryLookup, now: Date): Column<Problem>[] => [
  { header: 'Key', className: 'col-key', cell: (problem) => <span className="record-key">{problem.key}</span> },
  {
    header: 'Title',
    cellClassName: () => 'col-title',
    cell: (problem) => (
      <>
        {problem.title} {problem.known_error && <KnownErrorBadge />}
      </>
    ),
  },
  {
    header: 'Status',
    className: 'col-status',
    cell: (problem) => <span className={`status problem-status-${problem.status}`}>{PROBLEM_STATUS_LABEL[problem.status]}</span>,
  },
  { header: 'Priority', className: 'col-priority', cell: (problem) => <PriorityBadge priority={problem.priority} /> },
  { header: 'Assignee', cell: (problem) => directory.personName(problem.assignee_id) ?? <span className="muted">Unassigned</span> },
  { header: 'Service', cell: (problem) => directory.serviceName(problem.service_id) ?? '—' },
  { header: 'Age', className: 'col-age', cell: (problem) => formatAge(problem.created_at, now) },
];

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
        <DataTable
          testId="problem-table"
          columns={columns(directory, now)}
          rows={query.data ?? []}
          rowKey={(problem) => problem.id}
          rowAttributes={(problem) => ({ 'data-testid': `problem-row-${problem.key}` })}
          onOpen={(problem) => navigate({ view: 'problem', key: problem.key })}
          empty={query.data ? (knownErrorsOnly ? 'No known errors match.' : 'No problems match.') : null}
        />
      </div>
    </div>
  );
}
