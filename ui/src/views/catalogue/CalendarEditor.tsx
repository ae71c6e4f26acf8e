import { useMemo, useState } from 'react';
import { calendarCreate, calendarImportHolidays, calendarUpdate } from '../../api/serviceLevels';
import type { CalendarDefinition } from '../../bindings/CalendarDefinition';
import type { CalendarRecord } from '../../bindings/CalendarRecord';
import { Field } from '../../components/Field';
import { calendarProblems, officeHours, problemAt } from './calendarRules';
import { HolidaysEditor } from './HolidaysEditor';
import { timeZones } from './timezones';
import { useEditorSave } from '../../state/useEditorSave';
import { WeekEditor } from './WeekEditor';

type Props = { calendar: CalendarRecord | null; onSaved: (key: string) => void };

/** A business-hours calendar: zone, hours per weekday, holidays. Checked as it is typed. */
export function CalendarEditor({ calendar, onSaved }: Props) {
  const zones = useMemo(() => timeZones(), []);
  const knownZones = useMemo(() => new Set(zones), [zones]);
  const stored = useMemo<CalendarDefinition>(
    () => (calendar ? (JSON.parse(calendar.definition) as CalendarDefinition) : officeHours(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC')),
    [calendar],
  );
  const [name, setName] = useState(calendar?.name ?? '');
  const [definition, setDefinition] = useState<CalendarDefinition>(stored);
  const { save, saving, serverErrors, edited } = useEditorSave();

  const typed = calendarProblems(name, definition, knownZones);
  const problems = { ...serverErrors, ...typed };
  const invalid = Object.keys(typed).length > 0;
  const nameChanged = calendar !== null && name !== calendar.name;
  const definitionChanged = JSON.stringify(definition) !== JSON.stringify(stored);
  const dirty = calendar === null || nameChanged || definitionChanged;

  const change = (next: CalendarDefinition, field: string) => {
    setDefinition(next);
    edited(field);
  };

  const submit = () =>
    void save(
      () =>
        calendar
          ? calendarUpdate(calendar.key, { ...(nameChanged ? { name } : {}), ...(definitionChanged ? { definition } : {}) }, calendar.version)
          : calendarCreate({ name, definition }),
      (saved) => `${saved.key} saved.`,
      submit,
    ).then((saved) => saved && onSaved(saved.key));

  const importIcs = () => {
    if (!calendar) return;
    void save(
      () => calendarImportHolidays(calendar.key, calendar.version),
      (result) => (result ? `${result.added} holiday${result.added === 1 ? '' : 's'} added from the file.` : 'Import cancelled.'),
    ).then((result) => result && setDefinition(JSON.parse(result.calendar.definition) as CalendarDefinition));
  };

  return (
    <form className="catalogue-editor" data-testid="calendar-editor" onSubmit={(e) => (e.preventDefault(), submit())}>
      <h2>{calendar ? `${calendar.key} · ${calendar.name}` : 'New calendar'}</h2>
      <div className="form-grid">
        <Field label="Name" name="name" error={problems.name}>
          <input id="field-name" value={name} data-testid="calendar-name" onChange={(e) => (setName(e.target.value), edited('name'))} />
        </Field>
        <Field label="Time zone" name="definition.timezone" error={problemAt(problems, 'definition.timezone')} hint="Business hours are read in this zone, across daylight-saving changes.">
          <select id="field-definition.timezone" value={definition.timezone} data-testid="calendar-timezone" onChange={(e) => change({ ...definition, timezone: e.target.value }, 'definition.timezone')}>
            {!knownZones.has(definition.timezone) && <option value={definition.timezone}>{definition.timezone || 'Choose…'}</option>}
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <h3>Business hours</h3>
      <p className="form-note">Times are HH:MM; a segment may end at 24:00. Segments of a day go in order and may not overlap.</p>
      <WeekEditor week={definition.week} problems={problems} onChange={(week) => change({ ...definition, week }, 'definition.week')} />
      <h3>Holidays</h3>
      <HolidaysEditor
        holidays={definition.holidays}
        problems={problems}
        onChange={(holidays) => change({ ...definition, holidays }, 'definition.holidays')}
        onImport={calendar ? importIcs : undefined}
        importDisabled={dirty && calendar !== null}
      />
      <div className="form-actions">
        {calendar && dirty && (
          <button type="button" className="button" onClick={() => (setName(calendar.name), setDefinition(stored), edited())}>
            Discard
          </button>
        )}
        <button type="submit" className="button primary" disabled={!dirty || invalid || saving} data-testid="calendar-save">
          {calendar ? 'Save calendar' : 'Create calendar'}
        </button>
      </div>
      {calendar && <p className="form-note">Saving recomputes the clocks of open tickets measured on this calendar.</p>}
    </form>
  );
}
