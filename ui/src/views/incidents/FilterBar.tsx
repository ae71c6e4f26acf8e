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

/**
 * Service, group, assignee, priority, type and text: the same filters for the board and the
 * list. The list also filters by status; on the board the columns are the statuses.
 */
export function FilterBar({ withStatus = false }: { withStatus?: boolean }) {
  const { filters, setFilters } = useFilters();
  const directory = useDirectory();
  const set = (patch: Partial<FilterState>) => setFilters({ ...filters, ...patch });
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
      <OptionSelect
        value={filters.serviceId}
        onChange={(serviceId) => set({ serviceId })}
        options={directory.services}
        emptyLabel="Any service"
        ariaLabel="Service"
        testId="filter-service"
      />
      <OptionSelect
        value={filters.groupId}
        onChange={(groupId) => set({ groupId })}
        options={directory.groups}
        emptyLabel="Any group"
        ariaLabel="Group"
        testId="filter-group"
      />
      <OptionSelect
        value={filters.assigneeId}
        onChange={(assigneeId) => set({ assigneeId })}
        options={directory.staff}
        emptyLabel="Any assignee"
        ariaLabel="Assignee"
        testId="filter-assignee"
      />
      <OptionSelect
        value={filters.priority}
        onChange={(priority) => set({ priority })}
        options={PRIORITY_OPTIONS}
        emptyLabel="Any priority"
        ariaLabel="Priority"
        testId="filter-priority"
      />
      {withStatus && (
        <OptionSelect
          value={filters.status}
          onChange={(status) => set({ status: status as FilterState['status'] })}
          options={STATUS_OPTIONS}
          emptyLabel="Any status"
          ariaLabel="Status"
          testId="filter-status"
        />
      )}
      <OptionSelect
        value={filters.kind}
        onChange={(kind) => set({ kind: kind as FilterState['kind'] })}
        options={KIND_OPTIONS}
        emptyLabel="All types"
        ariaLabel="Type"
        testId="filter-kind"
      />
      {active > 0 && (
        <button type="button" className="quiet" data-testid="filter-clear" onClick={() => setFilters(EMPTY_FILTERS)}>
          Clear filters
        </button>
      )}
    </div>
  );
}
