import { PRESET_LABEL, periodProblem, presetPeriod, type Period } from './period';

const PRESETS = Object.keys(PRESET_LABEL) as (keyof typeof PRESET_LABEL)[];

/** Presets or two dates; a date typed by hand makes the period custom. */
export function PeriodFilter({ period, now, onChange }: { period: Period; now: Date; onChange: (period: Period) => void }) {
  const problem = periodProblem(period);
  return (
    <div className="period-filter" data-testid="sla-period">
      <div className="segmented" role="group" aria-label="Period">
        {PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            className={period.preset === preset ? 'active' : undefined}
            aria-pressed={period.preset === preset}
            data-testid={`sla-period-${preset}`}
            onClick={() => onChange(presetPeriod(preset, now))}
          >
            {PRESET_LABEL[preset]}
          </button>
        ))}
      </div>
      <label className="period-date">
        From
        <input type="date" value={period.from} data-testid="sla-period-from" onChange={(e) => onChange({ ...period, preset: 'custom', from: e.target.value })} />
      </label>
      <label className="period-date">
        To
        <input type="date" value={period.to} data-testid="sla-period-to" onChange={(e) => onChange({ ...period, preset: 'custom', to: e.target.value })} />
      </label>
      {problem && (
        <span className="field-error" role="alert" data-testid="sla-period-error">
          {problem}
        </span>
      )}
    </div>
  );
}
