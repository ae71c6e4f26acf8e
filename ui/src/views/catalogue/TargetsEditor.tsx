import { FieldError } from '../../components/FieldError';
import { PRIORITY_LABEL } from '../../lib/labels';
import { formatMinutes } from '../../lib/duration';
import type { AgreementForm, Problems } from './agreementRules';

type Props = { targets: AgreementForm['targets']; problems: Problems; onChange: (targets: AgreementForm['targets']) => void };

/** Response and resolution targets for P1…P5, in business minutes, each with its reading. */
export function TargetsEditor({ targets, problems, onChange }: Props) {
  const set = (index: number, field: 'response' | 'resolution', value: string) =>
    onChange(targets.map((target, i) => (i === index ? { ...target, [field]: value } : target)));
  return (
    <table className="targets-table" data-testid="targets">
      <thead>
        <tr>
          <th>Priority</th>
          <th>Respond within (min)</th>
          <th>Resolve within (min)</th>
        </tr>
      </thead>
      <tbody>
        {targets.map((target, index) => (
          <tr key={index}>
            <td>
              P{index + 1} <span className="muted">{PRIORITY_LABEL[index + 1]}</span>
            </td>
            {(['response', 'resolution'] as const).map((field) => {
              const name = `targets[${index}].${field}_minutes`;
              const value = target[field];
              return (
                <td key={field} className={problems[name] ? 'field-invalid' : undefined}>
                  <input
                    className="minutes-input"
                    inputMode="numeric"
                    aria-label={`P${index + 1} ${field} minutes`}
                    value={value}
                    data-testid={`target-${index + 1}-${field}`}
                    onChange={(e) => set(index, field, e.target.value)}
                  />
                  {!problems[name] && /^\d+$/.test(value) && Number(value) > 0 && <span className="muted minutes-reading">= {formatMinutes(Number(value))}</span>}
                  <FieldError field={name} message={problems[name]} />
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
