import { useRef, useState, type FormEvent } from 'react';
import { problemCreate } from '../../api/problems';
import { toAppError } from '../../api/types';
import type { ProblemDraft } from '../../bindings/ProblemDraft';
import { Field } from '../../components/Field';
import { MarkdownEditor } from '../../components/MarkdownEditor';
import { OptionSelect } from '../../components/OptionSelect';
import { useToast } from '../../components/Toasts';
import { PRIORITIES, PRIORITY_LABEL } from '../../lib/labels';
import { useActorGate } from '../../state/ActorGate';
import { navigate } from '../../state/route';
import { useDirectory } from '../../state/useDirectory';
import { useFieldErrors } from '../../state/useFieldErrors';

/** Opens a problem: the unknown cause behind one or more incidents. */
export function NewProblemForm() {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState('3');
  const [serviceId, setServiceId] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [groupId, setGroupId] = useState('');
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const { errors, report, clear } = useFieldErrors();
  const directory = useDirectory();
  const notify = useToast();
  const form = useRef<HTMLFormElement>(null);
  const { requireActor } = useActorGate();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // After the person says who they are, the submission they started goes ahead.
    if (!requireActor(() => form.current?.requestSubmit())) return;
    const draft: ProblemDraft = { title, description, priority: Number(priority) };
    if (serviceId) draft.service_id = serviceId;
    if (assigneeId) draft.assignee_id = assigneeId;
    if (groupId) draft.group_id = groupId;
    setBusy(true);
    setFormError(null);
    try {
      const problem = await problemCreate(draft);
      notify(`${problem.key} opened.`, 'success');
      navigate({ view: 'problem', key: problem.key });
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
        <h1>New problem</h1>
      </div>
      <form className="panel ticket-form" data-testid="problem-form" ref={form} onSubmit={submit} noValidate>
        {formError && <div className="banner banner-error">{formError}</div>}
        <Field label="Title" name="title" error={errors.title} wide>
          <input id="field-title" value={title} data-testid="problem-form-title" onChange={(event) => { setTitle(event.target.value); clear('title'); }} />
        </Field>
        <Field label="Description" name="description" error={errors.description} wide>
          <MarkdownEditor id="field-description" value={description} testId="problem-form-description" onChange={(value) => { setDescription(value); clear('description'); }} />
        </Field>
        <div className="form-grid">
          <Field label="Priority" name="priority" error={errors.priority}>
            <select id="field-priority" value={priority} data-testid="problem-form-priority" onChange={(event) => setPriority(event.target.value)}>
              {PRIORITIES.map((value) => (
                <option key={value} value={String(value)}>
                  P{value} · {PRIORITY_LABEL[value]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Service" name="service_id" error={errors.service_id}>
            <OptionSelect id="field-service_id" value={serviceId} options={directory.services} emptyLabel="Not known" onChange={setServiceId} />
          </Field>
          <Field label="Group" name="group_id" error={errors.group_id}>
            <OptionSelect id="field-group_id" value={groupId} options={directory.groups} emptyLabel="No group" onChange={setGroupId} />
          </Field>
          <Field label="Assignee" name="assignee_id" error={errors.assignee_id}>
            <OptionSelect id="field-assignee_id" value={assigneeId} options={directory.staff} emptyLabel="Unassigned" onChange={setAssigneeId} />
          </Field>
        </div>
        <div className="form-actions">
          <a className="button" href="#/problems">
            Cancel
          </a>
          <button type="submit" className="primary" disabled={busy} data-testid="problem-form-submit">
            {busy ? 'Opening…' : 'Open problem'}
          </button>
        </div>
      </form>
    </div>
  );
}
