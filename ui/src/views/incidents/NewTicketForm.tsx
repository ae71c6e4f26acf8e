import { useState } from 'react';
import { ticketCreate } from '../../api/tickets';
import type { Level } from '../../bindings/Level';
import type { TicketDraft } from '../../bindings/TicketDraft';
import type { TicketKind } from '../../bindings/TicketKind';
import { CreateFormView } from '../../components/CreateFormView';
import { Field } from '../../components/Field';
import { ReferenceField } from '../../components/ReferenceField';
import { TitleAndDescriptionFields } from '../../components/TitleAndDescriptionFields';
import { useToast } from '../../components/Toasts';
import { LEVEL_LABEL, LEVELS } from '../../lib/labels';
import { navigate } from '../../state/route';
import { useActorSubmit } from '../../state/useActorSubmit';
import { useDirectory } from '../../state/useDirectory';
import { useFieldErrors } from '../../state/useFieldErrors';
import { CiPicker, type PickedCi } from '../cmdb/CiPicker';

type FormValues = {
  kind: TicketKind;
  title: string;
  description: string;
  impact: Level;
  urgency: Level;
  serviceId: string;
  category: string;
  callerId: string;
  assigneeId: string;
  groupId: string;
  cis: PickedCi[];
};

const INITIAL: FormValues = {
  kind: 'incident',
  title: '',
  description: '',
  impact: 'medium',
  urgency: 'medium',
  serviceId: '',
  category: '',
  callerId: '',
  assigneeId: '',
  groupId: '',
  cis: [],
};

/** Optional references are left out when empty rather than sent as "". */
export function toDraft(values: FormValues): TicketDraft {
  const draft: TicketDraft = {
    kind: values.kind,
    title: values.title,
    description: values.description,
    category: values.category,
    impact: values.impact,
    urgency: values.urgency,
  };
  if (values.serviceId) draft.service_id = values.serviceId;
  if (values.callerId) draft.caller_id = values.callerId;
  if (values.assigneeId) draft.assignee_id = values.assigneeId;
  if (values.groupId) draft.group_id = values.groupId;
  if (values.cis.length > 0) draft.affected_ci_ids = values.cis.map((ci) => ci.id);
  return draft;
}

/** Logs an incident or a service request. The backend validates; its message lands next to the field. */
export function NewTicketForm() {
  const [values, setValues] = useState<FormValues>(INITIAL);
  const { errors, report, clear } = useFieldErrors();
  const [formError, setFormError] = useState<string | null>(null);
  const directory = useDirectory();
  const notify = useToast();

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K], field: string) => {
    setValues((current) => ({ ...current, [key]: value }));
    clear(field);
  };

  const { form, busy, submit } = useActorSubmit(
    async () => {
      setFormError(null);
      const ticket = await ticketCreate(toDraft(values));
      clear();
      notify(`${ticket.key} logged.`, 'success');
      navigate({ view: 'ticket', key: ticket.key });
    },
    (error) => setFormError(report(error)?.message ?? null),
  );

  return (
    <CreateFormView
      heading="New incident / request"
      testId="ticket-form"
      formRef={form}
      onSubmit={submit}
      error={formError}
      cancelHref="#/board"
      busy={busy}
      submitLabel={busy ? 'Logging…' : values.kind === 'incident' ? 'Log incident' : 'Log request'}
    >
      <div className="segmented" role="radiogroup" aria-label="Type">
        {(['incident', 'request'] as const).map((kind) => (
          <label key={kind} className={values.kind === kind ? 'selected' : ''}>
            <input
              type="radio"
              name="kind"
              value={kind}
              checked={values.kind === kind}
              data-testid={`ticket-form-kind-${kind}`}
              onChange={() => set('kind', kind, 'kind')}
            />
            {kind === 'incident' ? 'Incident — something is broken' : 'Service request — something is wanted'}
          </label>
        ))}
      </div>
      <TitleAndDescriptionFields
        title={values.title}
        description={values.description}
        errors={errors}
        testIdPrefix="ticket-form"
        rows={7}
        maxLength={400}
        titlePlaceholder="Short summary, e.g. “VPN drops every 10 minutes for the Leeds office”"
        descriptionPlaceholder="What happened, who is affected, what has been tried…"
        onChange={(field, value) => set(field, value, field)}
      />
      <div className="form-grid">
        <Field label="Impact" name="impact" error={errors.impact} hint="How many people or how much of the service is affected">
          <LevelSelect id="field-impact" value={values.impact} testId="ticket-form-impact" onChange={(level) => set('impact', level, 'impact')} />
        </Field>
        <Field label="Urgency" name="urgency" error={errors.urgency} hint="How soon it hurts the business">
          <LevelSelect id="field-urgency" value={values.urgency} testId="ticket-form-urgency" onChange={(level) => set('urgency', level, 'urgency')} />
        </Field>
        <ReferenceField label="Service" name="service_id" value={values.serviceId} options={directory.services} emptyLabel="Not known" error={errors.service_id} testId="ticket-form-service" onChange={(id) => set('serviceId', id, 'service_id')} />
        <Field label="Category" name="category" error={errors.category}>
          <input id="field-category" value={values.category} placeholder="e.g. Network" data-testid="ticket-form-category" onChange={(event) => set('category', event.target.value, 'category')} />
        </Field>
        <ReferenceField label="Caller" name="caller_id" value={values.callerId} options={directory.people} emptyLabel="Not recorded" error={errors.caller_id} testId="ticket-form-caller" onChange={(id) => set('callerId', id, 'caller_id')} />
        <ReferenceField label="Group" name="group_id" value={values.groupId} options={directory.groups} emptyLabel="No group" error={errors.group_id} testId="ticket-form-group" onChange={(id) => set('groupId', id, 'group_id')} />
        <ReferenceField label="Assignee" name="assignee_id" value={values.assigneeId} options={directory.staff} emptyLabel="Unassigned" error={errors.assignee_id} testId="ticket-form-assignee" onChange={(id) => set('assigneeId', id, 'assignee_id')} />
        <Field label="Affected configuration items" name="affected_ci_ids" error={errors.affected_ci_ids} wide>
          <CiPicker picked={values.cis} onChange={(cis) => set('cis', cis, 'affected_ci_ids')} testId="ticket-form-cis" />
        </Field>
      </div>
      <p className="form-note">Priority is worked out from impact and urgency with the workspace&apos;s priority matrix.</p>
    </CreateFormView>
  );
}

export function LevelSelect({ id, value, onChange, testId }: { id?: string; value: Level; onChange: (level: Level) => void; testId?: string }) {
  return (
    <select id={id} value={value} data-testid={testId} onChange={(event) => onChange(event.target.value as Level)}>
      {LEVELS.map((level) => (
        <option key={level} value={level}>
          {LEVEL_LABEL[level]}
        </option>
      ))}
    </select>
  );
}
