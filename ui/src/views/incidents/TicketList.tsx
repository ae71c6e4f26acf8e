import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ticketsList } from '../../api/tickets';
import type { AppError } from '../../api/types';
import type { TicketPage } from '../../bindings/TicketPage';
import { PriorityBadge, StatusBadge } from '../../components/Badges';
import { formatAge } from '../../lib/age';
import { countLabel } from '../../lib/counts';
import { KIND_LABEL } from '../../lib/labels';
import { toTicketFilter } from '../../state/filters';
import { useFilters } from '../../state/FiltersContext';
import { queryKeys } from '../../state/queryKeys';
import { navigate } from '../../state/route';
import { useDebounced } from '../../state/useDebounced';
import { useNow } from '../../state/useNow';
import { FilterBar } from './FilterBar';

export const PAGE_SIZE = 25;

/** All tickets matching the filters, newest first, a page at a time. */
export function TicketList() {
  const { filters } = useFilters();
  const filter = toTicketFilter(useDebounced(filters, 150));
  const [offset, setOffset] = useState(0);
  const now = useNow();
  const filterKey = JSON.stringify(filter);

  // A new filter starts again at the first page.
  useEffect(() => setOffset(0), [filterKey]);

  const query = useQuery<TicketPage, AppError>({
    queryKey: queryKeys.tickets(filter, offset, PAGE_SIZE),
    queryFn: () => ticketsList(filter, offset, PAGE_SIZE),
    placeholderData: (previous) => previous,
  });
  const total = Number(query.data?.total ?? 0);
  // A capped count means there are more rows than `total` says: paging on stays possible.
  const capped = Boolean((query.data as { total_capped?: boolean } | undefined)?.total_capped);
  const rows = query.data?.rows ?? [];

  return (
    <div className="view list-view">
      <div className="view-header">
        <h1>Tickets</h1>
        <FilterBar withStatus />
      </div>
      {query.error && <div className="banner banner-error">{query.error.message}</div>}
      <div className="panel table-panel">
        <table className="data-table" data-testid="ticket-table">
          <thead>
            <tr>
              <th className="col-key">Key</th>
              <th>Title</th>
              <th className="col-status">Status</th>
              <th className="col-priority">Priority</th>
              <th>Assignee</th>
              <th>Group</th>
              <th>Service</th>
              <th className="col-age">Age</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.id}
                data-testid={`ticket-row-${row.key}`}
                tabIndex={0}
                onClick={() => navigate({ view: 'ticket', key: row.key })}
                onKeyDown={(event) => event.key === 'Enter' && navigate({ view: 'ticket', key: row.key })}
              >
                <td className="col-key">
                  <span className="record-key">{row.key}</span>
                </td>
                <td className="col-title">
                  {row.title}
                  {row.kind === 'request' && <span className="tag">{KIND_LABEL.request}</span>}
                </td>
                <td className="col-status">
                  <StatusBadge status={row.status} />
                </td>
                <td className="col-priority">
                  <PriorityBadge priority={row.priority} />
                </td>
                <td>{row.assignee_name ?? <span className="muted">Unassigned</span>}</td>
                <td>{row.group_name ?? '—'}</td>
                <td>{row.service_name ?? '—'}</td>
                <td className="col-age">{formatAge(row.created_at, now)}</td>
              </tr>
            ))}
            {rows.length === 0 && !query.isPending && (
              <tr>
                <td colSpan={8} className="table-empty">
                  No tickets match these filters.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div className="pager" data-testid="pager">
        <span>
          {total === 0 ? 'No tickets' : `${offset + 1}–${Math.min(offset + PAGE_SIZE, total)} of ${query.data ? countLabel(query.data) : total}`}
        </span>
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))} data-testid="pager-previous">
          ← Newer
        </button>
        <button type="button" disabled={offset + PAGE_SIZE >= total && !capped} onClick={() => setOffset(offset + PAGE_SIZE)} data-testid="pager-next">
          Older →
        </button>
      </div>
    </div>
  );
}
