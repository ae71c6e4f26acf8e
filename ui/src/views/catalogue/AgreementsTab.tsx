import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { calendarsList, contractsList, olasList, slasList } from '../../api/serviceLevels';
import type { AppError } from '../../api/types';
import type { CalendarRecord } from '../../bindings/CalendarRecord';
import { useDirectory } from '../../state/useDirectory';
import { slaQueryKeys } from '../sla/slaQueryKeys';
import { AgreementEditor, KIND_NOUN } from './AgreementEditor';
import type { Agreement, AgreementKind } from './agreementRules';
import { RecordListPane } from '../../components/RecordListPane';

const LIST = {
  sla: { key: slaQueryKeys.slas, fetch: slasList },
  ola: { key: slaQueryKeys.olas, fetch: olasList },
  contract: { key: slaQueryKeys.contracts, fetch: contractsList },
} as const;

export function AgreementsTab({ kind }: { kind: AgreementKind }) {
  const directory = useDirectory();
  const list = useQuery<Agreement[], AppError>({ queryKey: LIST[kind].key, queryFn: LIST[kind].fetch as () => Promise<Agreement[]> });
  const calendars = useQuery<CalendarRecord[], AppError>({ queryKey: slaQueryKeys.calendars, queryFn: calendarsList });
  const [selected, setSelected] = useState<string | null>(null);
  const records = list.data ?? [];
  const key = selected ?? records[0]?.key ?? 'new';
  const record = records.find((r) => r.key === key) ?? null;
  if (list.isPending || calendars.isPending) return <p className="muted">Loading…</p>;
  if (list.error) return <div className="banner banner-error">{list.error.message}</div>;
  const detail = (r: Agreement) => directory.serviceName(r.service_id) ?? (kind === 'ola' ? 'all services' : '');
  return (
    <div className="catalogue-body">
      <RecordListPane
        testId={`${kind}s-list`}
        items={records.map((r) => ({ key: r.key, name: r.name, detail: detail(r) }))}
        selected={key}
        onSelect={setSelected}
        newLabel={`New ${KIND_NOUN[kind]}`}
        onNew={() => setSelected('new')}
      />
      <AgreementEditor
        key={record ? `${record.key}-${record.version}` : `new-${kind}`}
        kind={kind}
        record={record}
        directory={directory}
        calendars={calendars.data ?? []}
        suppliers={directory.suppliers}
        onSaved={setSelected}
      />
    </div>
  );
}
