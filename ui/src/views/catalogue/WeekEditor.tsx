import type { WeekDefinition } from '../../bindings/WeekDefinition';
import { FieldError } from '../../components/FieldError';
import { problemAt, WEEKDAYS, type Problems } from './calendarRules';

type Props = { week: WeekDefinition; problems: Problems; onChange: (week: WeekDefinition) => void };

/** Business-hour segments per weekday; each segment is checked while it is typed. */
export function WeekEditor({ week, problems, onChange }: Props) {
  const setDay = (day: keyof WeekDefinition, segments: [string, string][]) => onChange({ ...week, [day]: segments });
  return (
    <div className="week-editor" data-testid="calendar-week">
      {WEEKDAYS.map(({ key, label }) => (
        <div key={key} className="week-day">
          <div className="week-day-label">{label}</div>
          <div className="week-day-segments">
            {week[key].length === 0 && <span className="muted">Closed</span>}
            {week[key].map(([start, end], index) => {
              const field = `definition.week.${key}[${index}]`;
              const problem = problemAt(problems, field);
              const set = (next: [string, string]) => setDay(key, week[key].map((segment, i) => (i === index ? next : segment)));
              return (
                <div key={index} className={`segment${problem ? ' field-invalid' : ''}`}>
                  <input className="time-input" aria-label={`${label} segment ${index + 1} start`} value={start} placeholder="08:00" data-testid={`segment-${key}-${index}-start`} onChange={(e) => set([e.target.value, end])} />
                  <span>–</span>
                  <input className="time-input" aria-label={`${label} segment ${index + 1} end`} value={end} placeholder="17:00" data-testid={`segment-${key}-${index}-end`} onChange={(e) => set([start, e.target.value])} />
                  <button type="button" className="icon-button" aria-label={`Remove ${label} segment ${index + 1}`} data-testid={`segment-${key}-${index}-remove`} onClick={() => setDay(key, week[key].filter((_, i) => i !== index))}>
                    ×
                  </button>
                  <FieldError field={field} message={problem} />
                </div>
              );
            })}
          </div>
          <button
            type="button"
            className="link-button"
            data-testid={`segment-${key}-add`}
            onClick={() => {
              // A new segment starts where the day's last one ends, the common case (after lunch).
              const last = week[key].at(-1);
              setDay(key, [...week[key], last ? [last[1], last[1] < '17:00' ? '17:00' : '24:00'] : ['09:00', '17:00']]);
            }}
          >
            + hours
          </button>
        </div>
      ))}
      <FieldError field="definition.week" message={problems['definition.week']} />
    </div>
  );
}
