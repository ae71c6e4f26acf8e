import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { calendarsList } from '../../api/serviceLevels';
import type { AppError } from '../../api/types';
import type { CalendarDefinition } from '../../bindings/CalendarDefinition';
import type { CalendarRecord } from '../../bindings/CalendarRecord';
import { slaQueryKeys } from '../sla/slaQueryKeys';
import { CalendarEditor } from './CalendarEditor';
import { RecordListPane } from '../../components/RecordListPane';

const zoneOf = (calendar: CalendarRecord) => (JSON.parse(calendar.definition) as CalendarDefinition).timezone;

export function CalendarsTab() {
  const query = useQuery<CalendarRecord[], AppError>({ queryKey: slaQueryKeys.calendars, queryFn: calendarsList });
  const [selected, setSelected] = useState<string | null>(null);
  const calendars = query.data ?? [];
  const key = selected ?? calendars[0]?.key ?? 'new';
  const calendar = calendars.find((c) => c.key === key) ?? null;
  if (query.isPending) return <p className="muted">Loading calendars…</p>;
  return (
    <div className="catalogue-body">
      <RecordListPane
        testId="calendars-list"
        items={calendars.map((c) => ({ key: c.key, name: c.name, detail: zoneOf(c) }))}
        selected={key}
        onSelect={setSelected}
        newLabel="New calendar"
        onNew={() => setSelected('new')}
      />
      <CalendarEditor key={calendar ? `${calendar.key}-${calendar.version}` : 'new'} calendar={calendar} onSaved={setSelected} />
    </div>
  );
}
