import type { ReactNode } from 'react';
import type { CiDetail } from '../../bindings/CiDetail';
import { routeToHash } from '../../state/route';
import { useDirectory } from '../../state/useDirectory';
import { useCmdbVocabulary } from './useCmdbVocabulary';

const nameIn = (records: { id: string; name: string }[], id?: string) => (id ? records.find((r) => r.id === id)?.name : undefined);

/** What the item is: who owns and supports it, where it is, its class's attributes and asset data. */
export function CiDetailsPanel({ detail }: { detail: CiDetail }) {
  const { ci } = detail;
  const directory = useDirectory();
  const vocabulary = useCmdbVocabulary();
  const attributeDefs = vocabulary.classDef(ci.class)?.attributes ?? [];
  const asset = ci.asset ?? {};
  const rows: [string, ReactNode][] = [
    ['Owner', directory.personName(ci.owner_id) ?? <span className="muted">No owner</span>],
    ['Support group', directory.groupName(ci.group_id) ?? '—'],
    ['Supplier', nameIn(directory.everything.suppliers, ci.supplier_id) ?? '—'],
    ['Location', nameIn(directory.everything.locations, ci.location_id) ?? '—'],
    ['Serial number', ci.serial_number || '—'],
    ['Asset tag', ci.asset_tag || '—'],
    [
      'Last verified',
      ci.verified_at ? `${new Date(ci.verified_at).toLocaleDateString()} by ${directory.personName(ci.verified_by) ?? 'someone'}` : <span className="muted">Never</span>,
    ],
  ];
  for (const def of attributeDefs) rows.push([def.label, ci.attributes?.[def.name] || '—']);
  for (const [name, value] of Object.entries(ci.attributes ?? {})) {
    if (!attributeDefs.some((def) => def.name === name)) rows.push([name, value]);
  }
  if (asset.cost !== undefined) rows.push(['Cost', asset.cost.toLocaleString()]);
  if (asset.purchased_on) rows.push(['Purchased', asset.purchased_on]);
  if (asset.warranty_until) rows.push(['Warranty until', asset.warranty_until]);
  if (asset.seats !== undefined || asset.seats_used !== undefined) {
    rows.push([
      'Licence seats',
      <span className={detail.licence_over_used ? 'over-used' : undefined} data-testid="ci-seats">
        {asset.seats_used ?? 0} used of {asset.seats ?? 0}
        {detail.licence_over_used && ' — over-used'}
      </span>,
    ]);
  }
  if (asset.disposed_on) rows.push(['Disposed', `${asset.disposed_on}${asset.disposal_method ? ` (${asset.disposal_method})` : ''}`]);

  return (
    <section className="panel" aria-label="Details" data-testid="ci-details">
      <header className="panel-header">
        <h2>Details</h2>
      </header>
      <dl className="ci-facts">
        {rows.map(([label, value]) => (
          <div key={label} className="details-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="panel-subhead">Supports</h3>
      {(ci.service_ids ?? []).length === 0 && <p className="muted">No catalogue service.</p>}
      <ul className="link-list" data-testid="ci-services">
        {(ci.service_ids ?? []).map((id) => (
          <li key={id}>
            <a href={routeToHash({ view: 'catalogue', tab: 'services' })}>{directory.serviceName(id) ?? 'A retired service'}</a>
          </li>
        ))}
      </ul>
      {ci.description && <p className="ci-description">{ci.description}</p>}
    </section>
  );
}
