import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { cisList } from '../../api/cmdb';
import type { AppError } from '../../api/types';
import type { CiFilter } from '../../bindings/CiFilter';
import type { CiPage } from '../../bindings/CiPage';
import type { CiStatus } from '../../bindings/CiStatus';
import type { Criticality } from '../../bindings/Criticality';
import type { Ci } from '../../bindings/Ci';
import { DataTable, type Column } from '../../components/DataTable';
import { OptionSelect } from '../../components/OptionSelect';
import { queryKeys } from '../../state/queryKeys';
import { navigate } from '../../state/route';
import { useDebounced } from '../../state/useDebounced';
import { useDirectory } from '../../state/useDirectory';
import { CI_STATUSES, CI_STATUS_LABEL, choicesOf, CRITICALITIES, CRITICALITY_LABEL } from './cmdbLabels';
import { useCmdbVocabulary } from './useCmdbVocabulary';

const PAGE = 100;

type Facets = { class: string; status: string; criticality: string; owner: string; group: string; service: string };
const NO_FACETS: Facets = { class: '', status: '', criticality: '', owner: '', group: '', service: '' };

function filterOf(facets: Facets, text: string): CiFilter {
  return {
    ...(facets.class ? { class: facets.class } : {}),
    ...(facets.status ? { status: facets.status as CiStatus } : {}),
    ...(facets.criticality ? { criticality: facets.criticality as Criticality } : {}),
    ...(facets.owner ? { owner_id: facets.owner } : {}),
    ...(facets.group ? { group_id: facets.group } : {}),
    ...(facets.service ? { service_id: facets.service } : {}),
    ...(text ? { text } : {}),
    include_retired: false,
  };
}

/** Configuration items, narrowed by facets and text, a page at a time. */
export function CiList({ onNew }: { onNew: () => void }) {
  const [facets, setFacets] = useState<Facets>(NO_FACETS);
  const [text, setText] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const settledText = useDebounced(text.trim(), 150);
  const directory = useDirectory();
  const vocabulary = useCmdbVocabulary();
  const filter = filterOf(facets, settledText);
  const query = useQuery<CiPage, AppError>({
    queryKey: queryKeys.cis(filter, limit),
    queryFn: () => cisList(filter, 0, limit),
    placeholderData: keepPreviousData,
  });
  const facet = (name: keyof Facets) => (value: string) => {
    setFacets((current) => ({ ...current, [name]: value }));
    setLimit(PAGE);
  };
  const columns: Column<Ci>[] = [
    { header: 'Key', className: 'col-key', cell: (ci) => <span className="record-key">{ci.key}</span> },
    { header: 'Name', cellClassName: () => 'col-title', cell: (ci) => ci.name },
    { header: 'Class', cell: (ci) => vocabulary.className(ci.class) },
    { header: 'Status', className: 'col-status', cell: (ci) => <span className={`status ci-status-${ci.status}`}>{CI_STATUS_LABEL[ci.status]}</span> },
    { header: 'Criticality', cell: (ci) => <span className={`criticality criticality-${ci.criticality}`}>{CRITICALITY_LABEL[ci.criticality]}</span> },
    { header: 'Owner', cell: (ci) => directory.personName(ci.owner_id) ?? <span className="muted">No owner</span> },
    { header: 'Support group', cell: (ci) => directory.groupName(ci.group_id) ?? '—' },
  ];

  return (
    <>
      <div className="filter-bar" data-testid="ci-filters">
        <input type="search" className="filter-text" placeholder="Name, key, serial or tag…" aria-label="Filter configuration items" value={text} data-testid="ci-filter-text" onChange={(event) => setText(event.target.value)} />
        <OptionSelect ariaLabel="Class" testId="ci-filter-class" value={facets.class} onChange={facet('class')} emptyLabel="Any class" options={vocabulary.classes.map((cls) => ({ id: cls.id, name: cls.name }))} />
        <OptionSelect ariaLabel="Status" testId="ci-filter-status" value={facets.status} onChange={facet('status')} emptyLabel="Any status" options={choicesOf(CI_STATUSES, CI_STATUS_LABEL)} />
        <OptionSelect ariaLabel="Criticality" testId="ci-filter-criticality" value={facets.criticality} onChange={facet('criticality')} emptyLabel="Any criticality" options={choicesOf(CRITICALITIES, CRITICALITY_LABEL)} />
        <OptionSelect ariaLabel="Owner" testId="ci-filter-owner" value={facets.owner} onChange={facet('owner')} emptyLabel="Any owner" options={directory.people} />
        <OptionSelect ariaLabel="Support group" testId="ci-filter-group" value={facets.group} onChange={facet('group')} emptyLabel="Any group" options={directory.groups} />
        <OptionSelect ariaLabel="Service" testId="ci-filter-service" value={facets.service} onChange={facet('service')} emptyLabel="Any service" options={directory.services} />
        <span className="card-spacer" />
        <button type="button" className="button primary" onClick={onNew} data-testid="new-ci-button">
          + New item
        </button>
      </div>
      {query.error && <div className="banner banner-error">{query.error.message}</div>}
      <div className="panel table-panel">
        <DataTable
          testId="ci-table"
          columns={columns}
          rows={query.data?.items ?? []}
          rowKey={(ci) => ci.id}
          rowAttributes={(ci) => ({ 'data-testid': `ci-row-${ci.key}` })}
          onOpen={(ci) => navigate({ view: 'ci', key: ci.key })}
          empty={query.data ? 'No configuration items match.' : null}
        />
      </div>
      {query.data && (
        <div className="list-footer" data-testid="ci-count">
          {query.data.items.length} of {query.data.total} shown
          {query.data.items.length < query.data.total && (
            <button type="button" className="button" onClick={() => setLimit((n) => n + PAGE)} data-testid="ci-show-more">
              Show more
            </button>
          )}
        </div>
      )}
    </>
  );
}
