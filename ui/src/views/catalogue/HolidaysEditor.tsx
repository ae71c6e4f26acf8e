import { useState } from 'react';
import { FieldError } from '../../components/FieldError';
import type { Problems } from './calendarRules';

type Props = {
  holidays: string[];
  problems: Problems;
  onChange: (holidays: string[]) => void;
  /** Opens the native file dialog for an .ics file (saved calendars only). */
  onImport?: () => void;
  importDisabled?: boolean;
};

/** Local dates on which no business time counts. */
export function HolidaysEditor({ holidays, problems, onChange, onImport, importDisabled }: Props) {
  const [date, setDate] = useState('');
  return (
    <div className="holidays-editor" data-testid="calendar-holidays">
      <ul className="holiday-list">
        {holidays.map((holiday, index) => {
          const field = `definition.holidays[${index}]`;
          return (
            <li key={`${holiday}-${index}`} className={problems[field] ? 'field-invalid' : undefined} data-testid={`holiday-${index}`}>
              <span>{holiday}</span>
              <button type="button" className="icon-button" aria-label={`Remove ${holiday}`} onClick={() => onChange(holidays.filter((_, i) => i !== index))}>
                ×
              </button>
              <FieldError field={field} message={problems[field]} />
            </li>
          );
        })}
        {holidays.length === 0 && <li className="muted">No holidays.</li>}
      </ul>
      <div className="inline-form">
        <input type="date" aria-label="Holiday" value={date} data-testid="holiday-date" onChange={(e) => setDate(e.target.value)} />
        <button
          type="button"
          className="button"
          disabled={!date}
          data-testid="holiday-add"
          onClick={() => {
            onChange([...holidays, date].sort());
            setDate('');
          }}
        >
          Add holiday
        </button>
        {onImport && (
          <button type="button" className="button" disabled={importDisabled} title={importDisabled ? 'Save or discard your edits first.' : undefined} data-testid="holiday-import" onClick={onImport}>
            Import .ics…
          </button>
        )}
      </div>
    </div>
  );
}
