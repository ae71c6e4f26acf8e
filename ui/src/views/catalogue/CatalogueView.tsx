import { useState } from 'react';
import { useDirectory } from '../../state/useDirectory';
import { routeToHash } from '../../state/route';
import { AgreementsTab } from './AgreementsTab';
import { CalendarsTab } from './CalendarsTab';
import { ConsistencyFindings } from './ConsistencyFindings';
import { CustomerEditor } from './CustomerEditor';
import { RecordListPane } from './RecordListPane';
import { ServiceEditor } from './ServiceEditor';

const TABS = [
  { id: 'services', label: 'Services' },
  { id: 'customers', label: 'Customers' },
  { id: 'calendars', label: 'Calendars' },
  { id: 'slas', label: 'SLAs' },
  { id: 'olas', label: 'OLAs' },
  { id: 'contracts', label: 'Contracts' },
  { id: 'findings', label: 'Consistency' },
] as const;

const STATUS_WORD = { pipeline: 'pipeline', live: 'live', retired: 'retired' } as const;

function ServicesTab() {
  const directory = useDirectory();
  const [selected, setSelected] = useState<string | null>(null);
  const key = selected ?? directory.services[0]?.key ?? null;
  const service = directory.services.find((s) => s.key === key);
  return (
    <div className="catalogue-body">
      <RecordListPane
        testId="services-list"
        items={directory.services.map((s) => ({ key: s.key, name: s.name, detail: `${STATUS_WORD[s.status]}${s.owner_id ? ` · ${directory.personName(s.owner_id) ?? ''}` : ''}` }))}
        selected={key}
        onSelect={setSelected}
      />
      {service ? <ServiceEditor key={`${service.key}-${service.version}`} service={service} directory={directory} /> : <p className="muted">No services yet.</p>}
    </div>
  );
}

function CustomersTab() {
  const directory = useDirectory();
  const [selected, setSelected] = useState<string | null>(null);
  const key = selected ?? directory.customers[0]?.key ?? null;
  const customer = directory.customers.find((c) => c.key === key);
  return (
    <div className="catalogue-body">
      <RecordListPane testId="customers-list" items={directory.customers.map((c) => ({ key: c.key, name: c.name }))} selected={key} onSelect={setSelected} />
      {customer ? <CustomerEditor key={`${customer.key}-${customer.version}`} customer={customer} directory={directory} /> : <p className="muted">No customers yet.</p>}
    </div>
  );
}

/** The service catalogue and the agreements behind it, one tab per record family. */
export function CatalogueView({ tab }: { tab: string }) {
  const current = TABS.some((t) => t.id === tab) ? tab : 'services';
  return (
    <div className="view catalogue-view" data-testid="catalogue">
      <div className="view-header">
        <h1>Catalogue</h1>
        <nav className="tabs" aria-label="Catalogue">
          {TABS.map((t) => (
            <a key={t.id} href={routeToHash({ view: 'catalogue', tab: t.id })} className={`tab${current === t.id ? ' active' : ''}`} aria-current={current === t.id ? 'page' : undefined} data-testid={`catalogue-tab-${t.id}`}>
              {t.label}
            </a>
          ))}
        </nav>
      </div>
      {current === 'services' && <ServicesTab />}
      {current === 'customers' && <CustomersTab />}
      {current === 'calendars' && <CalendarsTab />}
      {current === 'slas' && <AgreementsTab kind="sla" />}
      {current === 'olas' && <AgreementsTab kind="ola" />}
      {current === 'contracts' && <AgreementsTab kind="contract" />}
      {current === 'findings' && <ConsistencyFindings />}
    </div>
  );
}
