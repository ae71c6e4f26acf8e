import { OptionSelect } from '../../components/OptionSelect';
import { PRIORITIES, PRIORITY_LABEL, STATUSES, STATUS_LABEL } from '../../lib/labels';
import { activeFilterCount, EMPTY_FILTERS, toBoardFilter, toTicketFilter, type FilterState } from '../../state/filters';
import { useFilters } from '../../state/FiltersContext';
import { useDirectory } from '../../state/useDirectory';

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
      <select
        value={filters.priority}
        aria-label="Priority"
        data-testid="filter-priority"
        onChange={(event) => set({ priority: event.target.value })}
      >
        <option value="">Any priority</option>
        {PRIORITIES.map((priority) => (
          <option key={priority} value={String(priority)}>
            P{priority} · {PRIORITY_LABEL[priority]}
          </option>
        ))}
      </select>
      {withStatus && (
        <select
          value={filters.status}
          aria-label="Status"
          data-testid="filter-status"
          onChange={(event) => set({ status: event.target.value as FilterState['status'] })}
        >
          <option value="">Any status</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABEL[status]}
            </option>
          ))}
        </select>
      )}
      <select
        value={filters.kind}
        aria-label="Type"
        data-testid="filter-kind"
        onChange={(event) => set({ kind: event.target.value as FilterState['kind'] })}
      >
        <option value="">All types</option>
        <option value="incident">Incidents</option>
        <option value="request">Service requests</option>
      </select>
      {active > 0 && (
        <button type="button" className="quiet" data-testid="filter-clear" onClick={() => setFilters(EMPTY_FILTERS)}>
          Clear filters
        </button>
      )}
    </div>
  );
}
