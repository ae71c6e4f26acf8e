import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ticketsList } from '../../api/tickets';
import type { AppError } from '../../api/types';
import type { TicketCard } from '../../bindings/TicketCard';
import type { TicketPage } from '../../bindings/TicketPage';
import { PriorityBadge, StatusBadge } from '../../components/Badges';
import { DataTable, type Column } from '../../components/DataTable';
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

const columns = (now: Date): Column<TicketCard>[] => [
  { header: 'Key', className: 'col-key', cell: (row) => <span className="record-key">{row.key}</span> },
  {
    header: 'Title',
    cellClassName: () => 'col-title',
    cell: (row) => (
      <>
        {row.title}
        {row.kind === 'request' && <span className="tag">{KIND_LABEL.request}</span>}
      </>
    ),
  },
  { header: 'Status', className: 'col-status', cell: (row) => <StatusBadge status={row.status} /> },
  { header: 'Priority', className: 'col-priority', cell: (row) => <PriorityBadge priority={row.priority} /> },
  { header: 'Assignee', cell: (row) => row.assignee_name ?? <span className="muted">Unassigned</span> },
  { header: 'Group', cell: (row) => row.group_name ?? '—' },
  { header: 'Service', cell: (row) => row.service_name ?? '—' },
  { header: 'Age', className: 'col-age', cell: (row) => formatAge(row.created_at, now) },
];

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
        <DataTable
          testId="ticket-table"
          columns={columns(now)}
          rows={rows}
          rowKey={(row) => row.id}
          rowAttributes={(row) => ({ 'data-testid': `ticket-row-${row.key}` })}
          onOpen={(row) => navigate({ view: 'ticket', key: row.key })}
          empty={query.isPending ? null : 'No tickets match these filters.'}
        />
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
