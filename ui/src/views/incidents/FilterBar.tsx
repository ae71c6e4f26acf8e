import { OptionSelect } from '../../components/OptionSelect';
import { PRIORITIES, PRIORITY_LABEL, STATUSES, STATUS_LABEL } from '../../lib/labels';
import { activeFilterCount, EMPTY_FILTERS, toBoardFilter, toTicketFilter, type FilterState } from '../../state/filters';
import { useFilters } from '../../state/FiltersContext';
import { useDirectory } from '../../state/useDirectory';

const PRIORITY_OPTIONS = PRIORITIES.map((p) => ({ id: String(p), name: `P${p} · ${PRIORITY_LABEL[p]}` }));
const STATUS_OPTIONS = STATUSES.map((status) => ({ id: status, name: STATUS_LABEL[status] }));
const KIND_OPTIONS = [
  { id: 'incident', name: 'Incidents' },
  { id: 'request', name: 'Service requests' },
];

type SelectFilter = 'serviceId' | 'groupId' | 'assigneeId' | 'priority' | 'status' | 'kind';

/**
 * Service, group, assignee, priority, type and text: the same filters for the board and the
 * list. The list also filters by status; on the board the columns are the statuses.
 */
export function FilterBar({ withStatus = false }: { withStatus?: boolean }) {
  const { filters, setFilters } = useFilters();
  const directory = useDirectory();
  const set = (patch: Partial<FilterState>) => setFilters({ ...filters, ...patch });
  // In the order they stand in the bar; the status only where the list is not split by it.
  const selects: { field: SelectFilter; label: string; emptyLabel: string; testId: string; options: { id: string; name: string }[] }[] = [
    { field: 'serviceId', label: 'Service', emptyLabel: 'Any service', testId: 'filter-service', options: directory.services },
    { field: 'groupId', label: 'Group', emptyLabel: 'Any group', testId: 'filter-group', options: directory.groups },
    { field: 'assigneeId', label: 'Assignee', emptyLabel: 'Any assignee', testId: 'filter-assignee', options: directory.staff },
    { field: 'priority', label: 'Priority', emptyLabel: 'Any priority', testId: 'filter-priority', options: PRIORITY_OPTIONS },
    ...(withStatus ? [{ field: 'status' as const, label: 'Status', emptyLabel: 'Any status', testId: 'filter-status', options: STATUS_OPTIONS }] : []),
    { field: 'kind', label: 'Type', emptyLabel: 'All types', testId: 'filter-kind', options: KIND_OPTIONS },
  ];
  const active = activeFilterCount(withStatus ? toTicketFilter(filters) : toBoardFilter(filters));

  return (
    <div className="filter-bar" role="search" aria-label="Filter tickets">
      <input
        type="search"
        className="filter-text"
        placeholder="Filter by text…"
        aria-label="Filter by text"
        value={filters.text}
        data-testid="filter-text"
        onChange={(event) => set({ text: event.target.value })}
      />
      {selects.map((select) => (
        <OptionSelect
          key={select.field}
          value={filters[select.field]}
          onChange={(value) => set({ [select.field]: value })}
          options={select.options}
          emptyLabel={select.emptyLabel}
          ariaLabel={select.label}
          testId={select.testId}
        />
      ))}
      {active > 0 && (
        <button type="button" className="quiet" data-testid="filter-clear" onClick={() => setFilters(EMPTY_FILTERS)}>
          Clear filters
        </button>
      )}
    </div>
  );
}
