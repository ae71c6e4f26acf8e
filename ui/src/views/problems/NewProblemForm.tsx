import { useState } from 'react';
import { problemCreate } from '../../api/problems';
import type { ProblemDraft } from '../../bindings/ProblemDraft';
import { CreateFormView } from '../../components/CreateFormView';
import { Field } from '../../components/Field';
import { PrioritySelect } from '../../components/PrioritySelect';
import { ReferenceField } from '../../components/ReferenceField';
import { TitleAndDescriptionFields } from '../../components/TitleAndDescriptionFields';
import { useToast } from '../../components/Toasts';
import { navigate } from '../../state/route';
import { useActorSubmit } from '../../state/useActorSubmit';
import { useDirectory } from '../../state/useDirectory';
import { useFieldErrors } from '../../state/useFieldErrors';

/** Opens a problem: the unknown cause behind one or more incidents. */
export function NewProblemForm() {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState(3);
  const [serviceId, setServiceId] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [groupId, setGroupId] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const { errors, report, clear } = useFieldErrors();
  const directory = useDirectory();
  const notify = useToast();

  const { form, busy, submit } = useActorSubmit(
    async () => {
      const draft: ProblemDraft = { title, description, priority };
      if (serviceId) draft.service_id = serviceId;
      if (assigneeId) draft.assignee_id = assigneeId;
      if (groupId) draft.group_id = groupId;
      setFormError(null);
      const problem = await problemCreate(draft);
      notify(`${problem.key} opened.`, 'success');
      navigate({ view: 'problem', key: problem.key });
    },
    (error) => setFormError(report(error)?.message ?? null),
  );

  return (
    <CreateFormView heading="New problem" testId="problem-form" formRef={form} onSubmit={submit} error={formError} cancelHref="#/problems" busy={busy} submitLabel={busy ? 'Opening…' : 'Open problem'}>
      <TitleAndDescriptionFields
        title={title}
        description={description}
        errors={errors}
        testIdPrefix="problem-form"
        onChange={(field, value) => {
          (field === 'title' ? setTitle : setDescription)(value);
          clear(field);
        }}
      />
      <div className="form-grid">
        <Field label="Priority" name="priority" error={errors.priority}>
          <PrioritySelect id="field-priority" value={priority} testId="problem-form-priority" onChange={setPriority} />
        </Field>
        <ReferenceField label="Service" name="service_id" value={serviceId} options={directory.services} emptyLabel="Not known" error={errors.service_id} onChange={setServiceId} />
        <ReferenceField label="Group" name="group_id" value={groupId} options={directory.groups} emptyLabel="No group" error={errors.group_id} onChange={setGroupId} />
        <ReferenceField label="Assignee" name="assignee_id" value={assigneeId} options={directory.staff} emptyLabel="Unassigned" error={errors.assignee_id} onChange={setAssigneeId} />
      </div>
    </CreateFormView>
  );
}
