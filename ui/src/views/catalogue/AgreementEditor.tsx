import { useMemo, useState } from 'react';
import { contractCreate, contractUpdate, olaCreate, olaUpdate, slaCreate, slaUpdate } from '../../api/serviceLevels';
import type { CalendarRecord } from '../../bindings/CalendarRecord';
import type { Status } from '../../bindings/Status';
import { Field } from '../../components/Field';
import { STATUS_LABEL } from '../../lib/labels';
import type { DirectoryLookup } from '../../state/useDirectory';
import { agreementProblems, draftOf, formOf, PARTY_FIELD, PAUSABLE, patchOf, type Agreement, type AgreementForm, type AgreementKind } from './agreementRules';
import { TargetsEditor } from './TargetsEditor';
import { useEditorSave } from '../../state/useEditorSave';

export const KIND_NOUN = { sla: 'SLA', ola: 'OLA', contract: 'underpinning contract' } as const;

type Props = {
  kind: AgreementKind;
  record: Agreement | null;
  directory: DirectoryLookup;
  calendars: CalendarRecord[];
  /** Suppliers the workspace knows of (by id), for contracts. */
  suppliers: { id: string; name: string }[];
  onSaved: (key: string) => void;
};

const WRITE = {
  sla: { create: slaCreate, update: slaUpdate },
  ola: { create: olaCreate, update: olaUpdate },
  contract: { create: contractCreate, update: contractUpdate },
} as const;

/** An SLA, OLA or underpinning contract: party, service, calendar, targets per priority, validity. */
export function AgreementEditor({ kind, record, directory, calendars, suppliers, onSaved }: Props) {
  const today = new Date().toISOString().slice(0, 10);
  const initial = useMemo(() => formOf(kind, record, { calendar_id: calendars[0]?.id, today }), [kind, record, calendars, today]);
  const [form, setForm] = useState<AgreementForm>(initial);
  const { save, saving, serverErrors, edited } = useEditorSave();
  const typed = agreementProblems(kind, form);
  const problems = { ...serverErrors, ...typed };
  const patch = record ? patchOf(kind, record, form) : null;
  const dirty = record === null || Object.keys(patch!).length > 0;
  const partyField = PARTY_FIELD[kind];

  const set = <K extends keyof AgreementForm>(field: K, value: AgreementForm[K], backendField: string = field) => {
    setForm((current) => ({ ...current, [field]: value }));
    edited(backendField);
  };
  const parties = kind === 'sla' ? directory.customers : kind === 'ola' ? directory.groups : suppliers;

  const submit = () =>
    void save(
      () => (record ? WRITE[kind].update(record.key, patch as never, record.version) : WRITE[kind].create(draftOf(kind, form) as never)),
      (saved: Agreement) => `${saved.key} saved.`,
      submit,
    ).then((saved) => saved && onSaved(saved.key));

  const togglePausing = (status: Status) =>
    set('pausing_statuses', form.pausing_statuses.includes(status) ? form.pausing_statuses.filter((s) => s !== status) : [...form.pausing_statuses, status], 'pausing_statuses');

  return (
    <form className="catalogue-editor" data-testid={`${kind}-editor`} onSubmit={(e) => (e.preventDefault(), submit())}>
      <h2>{record ? `${record.key} · ${record.name}` : `New ${KIND_NOUN[kind]}`}</h2>
      <div className="form-grid">
        <Field label="Name" name="name" error={problems.name} wide>
          <input id="field-name" value={form.name} data-testid="agreement-name" onChange={(e) => set('name', e.target.value)} />
        </Field>
        <Field label={{ sla: 'Customer', ola: 'Group', contract: 'Supplier' }[kind]} name={partyField} error={problems[partyField]}>
          <select id={`field-${partyField}`} value={form.party_id} data-testid="agreement-party" onChange={(e) => set('party_id', e.target.value, partyField)}>
            <option value="">Choose…</option>
            {parties.map((party) => (
              <option key={party.id} value={party.id}>
                {party.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Service" name="service_id" error={problems.service_id} hint={kind === 'ola' ? 'Leave empty to cover all the group’s work.' : undefined}>
          <select id="field-service_id" value={form.service_id} data-testid="agreement-service" onChange={(e) => set('service_id', e.target.value)}>
            <option value="">{kind === 'ola' ? 'All services' : 'Choose…'}</option>
            {directory.services.map((service) => (
              <option key={service.id} value={service.id}>
                {service.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Calendar" name="calendar_id" error={problems.calendar_id} hint="Targets count business time of this calendar.">
          <select id="field-calendar_id" value={form.calendar_id} data-testid="agreement-calendar" onChange={(e) => set('calendar_id', e.target.value)}>
            <option value="">Choose…</option>
            {calendars.map((calendar) => (
              <option key={calendar.id} value={calendar.id}>
                {calendar.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Valid from" name="valid_from" error={problems.valid_from}>
          <input id="field-valid_from" type="date" value={form.valid_from} data-testid="agreement-valid-from" onChange={(e) => set('valid_from', e.target.value)} />
        </Field>
        <Field label="Valid to" name="valid_to" error={problems.valid_to} hint="Empty: open-ended.">
          <input id="field-valid_to" type="date" value={form.valid_to} data-testid="agreement-valid-to" onChange={(e) => set('valid_to', e.target.value)} />
        </Field>
        {kind === 'sla' && (
          <>
            <Field label="Review date" name="review_date" error={problems.review_date}>
              <input id="field-review_date" type="date" value={form.review_date} data-testid="agreement-review-date" onChange={(e) => set('review_date', e.target.value)} />
            </Field>
            <Field label="Availability (%)" name="availability_percent" error={problems.availability_percent} hint="Optional, e.g. 99.5">
              <input id="field-availability_percent" inputMode="decimal" value={form.availability_percent} data-testid="agreement-availability" onChange={(e) => set('availability_percent', e.target.value)} />
            </Field>
            <Field label="Warning thresholds (%)" name="warning_thresholds" error={Object.entries(problems).find(([f]) => f.startsWith('warning_thresholds'))?.[1]} hint="Comma-separated; 75, 100 when empty.">
              <input id="field-warning_thresholds" value={form.warning_thresholds} data-testid="agreement-thresholds" onChange={(e) => set('warning_thresholds', e.target.value)} />
            </Field>
            <div className="field" data-testid="agreement-pausing">
              <span className="field-label">Resolution clock pauses while</span>
              <div className="checkbox-row">
                {PAUSABLE.map((status) => (
                  <label key={status} className="checkbox">
                    <input type="checkbox" checked={form.pausing_statuses.includes(status)} data-testid={`pausing-${status}`} onChange={() => togglePausing(status)} />
                    {STATUS_LABEL[status]}
                  </label>
                ))}
              </div>
            </div>
          </>
        )}
      </div>
      <h3>Targets</h3>
      <TargetsEditor targets={form.targets} problems={problems} onChange={(targets) => set('targets', targets)} />
      <div className="form-actions">
        {record && dirty && (
          <button type="button" className="button" onClick={() => (setForm(initial), edited())}>
            Discard
          </button>
        )}
        <button type="submit" className="button primary" disabled={!dirty || Object.keys(typed).length > 0 || saving} data-testid="agreement-save">
          {record ? 'Save' : `Create ${KIND_NOUN[kind]}`}
        </button>
      </div>
    </form>
  );
}
