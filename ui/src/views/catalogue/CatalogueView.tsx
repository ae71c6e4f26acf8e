import { useDirectory } from '../../state/useDirectory';
import { routeToHash } from '../../state/route';
import { AgreementsTab } from './AgreementsTab';
import { CalendarsTab } from './CalendarsTab';
import { ConsistencyFindings } from './ConsistencyFindings';
import { PartyEditor } from './PartyEditor';
import { RecordsTab } from '../../components/RecordsTab';
import { TabbedViewHeader } from '../../components/TabbedViewHeader';
import { ServiceEditor } from './ServiceEditor';

const TABS = [
  { id: 'services', label: 'Services' },
  { id: 'customers', label: 'Customers' },
  { id: 'suppliers', label: 'Suppliers' },
  { id: 'calendars', label: 'Calendars' },
  { id: 'slas', label: 'SLAs' },
  { id: 'olas', label: 'OLAs' },
  { id: 'contracts', label: 'Contracts' },
  { id: 'findings', label: 'Consistency' },
] as const;

const STATUS_WORD = { pipeline: 'pipeline', live: 'live', retired: 'retired' } as const;

function ServicesTab() {
  const directory = useDirectory();
  return (
    <RecordsTab
      loaded={directory.loaded}
      records={directory.services}
      noun="service"
      testId="services-list"
      detail={(s) => `${STATUS_WORD[s.status]}${s.owner_id ? ` · ${directory.personName(s.owner_id) ?? ''}` : ''}`}
      editor={(service, select) => <ServiceEditor service={service} directory={directory} select={select} />}
    />
  );
}

function PartiesTab({ kind }: { kind: 'customer' | 'supplier' }) {
  const directory = useDirectory();
  return (
    <RecordsTab
      key={kind}
      loaded={directory.loaded}
      records={kind === 'customer' ? directory.customers : directory.suppliers}
      noun={kind}
      testId={`${kind}s-list`}
      editor={(party, select) => <PartyEditor kind={kind} party={party} directory={directory} select={select} />}
    />
  );
}

/** The service catalogue and the agreements behind it, one tab per record family. */
export function CatalogueView({ tab }: { tab: string }) {
  const current = TABS.some((t) => t.id === tab) ? tab : 'services';
  return (
    <div className="view catalogue-view" data-testid="catalogue">
      <TabbedViewHeader heading="Catalogue" tabs={TABS} current={current} hrefOf={(tab) => routeToHash({ view: 'catalogue', tab })} testIdPrefix="catalogue" />
      {current === 'services' && <ServicesTab />}
      {current === 'customers' && <PartiesTab kind="customer" />}
      {current === 'suppliers' && <PartiesTab kind="supplier" />}
      {current === 'calendars' && <CalendarsTab />}
      {current === 'slas' && <AgreementsTab kind="sla" />}
      {current === 'olas' && <AgreementsTab kind="ola" />}
      {current === 'contracts' && <AgreementsTab kind="contract" />}
      {current === 'findings' && <ConsistencyFindings />}
    </div>
  );
}
