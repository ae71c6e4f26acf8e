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
import { problemUnder } from '../../state/useNamedRecordEditor';
import { NameField } from '../../components/NameField';
import { RecordEditorForm } from '../../components/RecordEditorForm';
import { ReferenceField } from '../../components/ReferenceField';

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

  const footer = (
    <>
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
    </>
  );

  return (
    <RecordEditorForm record={record ?? undefined} newHeading={`New ${KIND_NOUN[kind]}`} testId={`${kind}-editor`} onSubmit={submit} footer={footer}>
      <NameField value={form.name} error={problems.name} testId="agreement-name" wide onChange={(name) => set('name', name)} />
      <ReferenceField label={{ sla: 'Customer', ola: 'Group', contract: 'Supplier' }[kind]} name={partyField} value={form.party_id} options={parties} emptyLabel="Choose…" error={problems[partyField]} testId="agreement-party" onChange={(id) => set('party_id', id, partyField)} />
      <ReferenceField
        label="Service"
        name="service_id"
        value={form.service_id}
        options={directory.services}
        emptyLabel={kind === 'ola' ? 'All services' : 'Choose…'}
        error={problems.service_id}
        hint={kind === 'ola' ? 'Leave empty to cover all the group’s work.' : undefined}
        testId="agreement-service"
        onChange={(id) => set('service_id', id)}
      />
      <ReferenceField label="Calendar" name="calendar_id" value={form.calendar_id} options={calendars} emptyLabel="Choose…" error={problems.calendar_id} hint="Targets count business time of this calendar." testId="agreement-calendar" onChange={(id) => set('calendar_id', id)} />
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
          <Field label="Warning thresholds (%)" name="warning_thresholds" error={problemUnder(problems, 'warning_thresholds')} hint="Comma-separated; 75, 100 when empty.">
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
    </RecordEditorForm>
  );
}
