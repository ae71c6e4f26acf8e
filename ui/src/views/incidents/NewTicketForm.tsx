import { useRef, useState, type FormEvent } from 'react';
import { ticketCreate } from '../../api/tickets';
import { toAppError } from '../../api/types';
import type { Level } from '../../bindings/Level';
import type { TicketDraft } from '../../bindings/TicketDraft';
import type { TicketKind } from '../../bindings/TicketKind';
import { Field } from '../../components/Field';
import { MarkdownEditor } from '../../components/MarkdownEditor';
import { OptionSelect } from '../../components/OptionSelect';
import { useToast } from '../../components/Toasts';
import { LEVEL_LABEL, LEVELS } from '../../lib/labels';
import { useActorGate } from '../../state/ActorGate';
import { navigate } from '../../state/route';
import { useDirectory } from '../../state/useDirectory';
import { useFieldErrors } from '../../state/useFieldErrors';

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
  return draft;
}

/** Logs an incident or a service request. The backend validates; its message lands next to the field. */
export function NewTicketForm() {
  const [values, setValues] = useState<FormValues>(INITIAL);
  const [busy, setBusy] = useState(false);
  const { errors, report, clear } = useFieldErrors();
  const [formError, setFormError] = useState<string | null>(null);
  const directory = useDirectory();
  const notify = useToast();
  const form = useRef<HTMLFormElement>(null);
  const { requireActor } = useActorGate();

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K], field: string) => {
    setValues((current) => ({ ...current, [key]: value }));
    clear(field);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // After the person says who they are, the submission they started goes ahead.
    if (!requireActor(() => form.current?.requestSubmit())) return;
    setBusy(true);
    setFormError(null);
    try {
      const ticket = await ticketCreate(toDraft(values));
      clear();
      notify(`${ticket.key} logged.`, 'success');
      navigate({ view: 'ticket', key: ticket.key });
    } catch (caught) {
      const unplaced = report(toAppError(caught));
      if (unplaced) setFormError(unplaced.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="view form-view">
      <div className="view-header">
        <h1>New incident / request</h1>
      </div>
      <form className="panel ticket-form" data-testid="ticket-form" ref={form} onSubmit={submit} noValidate>
        {formError && (
          <div className="banner banner-error" role="alert" data-testid="ticket-form-error">
            {formError}
          </div>
        )}
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
        <Field label="Title" name="title" error={errors.title} wide>
          <input
            id="field-title"
            value={values.title}
            maxLength={400}
            placeholder="Short summary, e.g. “VPN drops every 10 minutes for the Leeds office”"
            data-testid="ticket-form-title"
            onChange={(event) => set('title', event.target.value, 'title')}
          />
        </Field>
        <Field label="Description" name="description" error={errors.description} wide>
          <MarkdownEditor
            id="field-description"
            value={values.description}
            rows={7}
            placeholder="What happened, who is affected, what has been tried…"
            testId="ticket-form-description"
            onChange={(value) => set('description', value, 'description')}
          />
        </Field>
        <div className="form-grid">
          <Field label="Impact" name="impact" error={errors.impact} hint="How many people or how much of the service is affected">
            <LevelSelect id="field-impact" value={values.impact} testId="ticket-form-impact" onChange={(level) => set('impact', level, 'impact')} />
          </Field>
          <Field label="Urgency" name="urgency" error={errors.urgency} hint="How soon it hurts the business">
            <LevelSelect id="field-urgency" value={values.urgency} testId="ticket-form-urgency" onChange={(level) => set('urgency', level, 'urgency')} />
          </Field>
          <Field label="Service" name="service_id" error={errors.service_id}>
            <OptionSelect id="field-service_id" value={values.serviceId} options={directory.services} emptyLabel="Not known" testId="ticket-form-service" onChange={(id) => set('serviceId', id, 'service_id')} />
          </Field>
          <Field label="Category" name="category" error={errors.category}>
            <input id="field-category" value={values.category} placeholder="e.g. Network" data-testid="ticket-form-category" onChange={(event) => set('category', event.target.value, 'category')} />
          </Field>
          <Field label="Caller" name="caller_id" error={errors.caller_id}>
            <OptionSelect id="field-caller_id" value={values.callerId} options={directory.people} emptyLabel="Not recorded" testId="ticket-form-caller" onChange={(id) => set('callerId', id, 'caller_id')} />
          </Field>
          <Field label="Group" name="group_id" error={errors.group_id}>
            <OptionSelect id="field-group_id" value={values.groupId} options={directory.groups} emptyLabel="No group" testId="ticket-form-group" onChange={(id) => set('groupId', id, 'group_id')} />
          </Field>
          <Field label="Assignee" name="assignee_id" error={errors.assignee_id}>
            <OptionSelect id="field-assignee_id" value={values.assigneeId} options={directory.staff} emptyLabel="Unassigned" testId="ticket-form-assignee" onChange={(id) => set('assigneeId', id, 'assignee_id')} />
          </Field>
        </div>
        <p className="form-note">Priority is worked out from impact and urgency with the workspace&apos;s priority matrix.</p>
        <div className="form-actions">
          <a className="button" href="#/board">
            Cancel
          </a>
          <button type="submit" className="primary" disabled={busy} data-testid="ticket-form-submit">
            {busy ? 'Logging…' : values.kind === 'incident' ? 'Log incident' : 'Log request'}
          </button>
        </div>
      </form>
    </div>
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
