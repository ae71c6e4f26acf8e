import { groupCreate, groupRetire, groupUpdate } from '../../api/directory';
import type { Group } from '../../bindings/Group';
import type { GroupPatch } from '../../bindings/GroupPatch';
import { Checklist } from '../../components/Checklist';
import { ChecklistField } from '../../components/ChecklistField';
import { EditorActions } from '../../components/EditorActions';
import { Field } from '../../components/Field';
import { NameField } from '../../components/NameField';
import { RecordEditorForm } from '../../components/RecordEditorForm';
import { ReferenceField } from '../../components/ReferenceField';
import type { DirectoryLookup } from '../../state/useDirectory';
import { problemUnder, useNamedRecordEditor } from '../../state/useNamedRecordEditor';

type Form = { name: string; description: string; lead_id: string; member_ids: string[] };

type Props = { group?: Group; directory: DirectoryLookup; select: (key: string) => void };

/** A support group: its name, what it handles, its lead and its members (kept on each person). */
export function GroupEditor({ group, directory, select }: Props) {
  const members = group ? directory.people.filter((person) => person.group_ids?.includes(group.id)).map((person) => person.id) : [];
  const initial: Form = { name: group?.name ?? '', description: group?.description ?? '', lead_id: group?.lead_id ?? '', member_ids: members };
  const { form, set, dirty, reset, saving, problems, blocked, submit, retire } = useNamedRecordEditor({
    record: group,
    initial,
    noun: 'group',
    create: (form) => groupCreate({ ...form, lead_id: form.lead_id || undefined }),
    update: (group, changes, form) => {
      const patch: GroupPatch = { ...changes, ...('lead_id' in changes ? { lead_id: form.lead_id || null } : {}) };
      return groupUpdate(group.key, patch, group.version);
    },
    retire: groupRetire,
    onCreated: (saved) => select(saved.key),
  });

  return (
    <RecordEditorForm
      record={group}
      newHeading="New support group"
      testId="group-editor"
      onSubmit={submit}
      footer={<EditorActions noun="group" isNew={!group} dirty={dirty} blocked={blocked} saving={saving} testId="group" onDiscard={reset} onRetire={retire} />}
    >
      <NameField value={form.name} error={problems.name} testId="group-name" onChange={(name) => set('name', name)} />
      <ReferenceField label="Lead" name="lead_id" value={form.lead_id} options={directory.people} emptyLabel="No lead" error={problems.lead_id} testId="group-lead" onChange={(id) => set('lead_id', id)} />
      <Field label="What the group handles" name="description" error={problems.description} wide>
        <textarea id="field-description" rows={2} value={form.description} data-testid="group-description" onChange={(e) => set('description', e.target.value)} />
      </Field>
      <ChecklistField label="Members" error={problemUnder(problems, 'member_ids')}>
        <Checklist items={directory.people} chosen={form.member_ids} onChange={(ids) => set('member_ids', ids)} testId="group-members" empty="No people yet: add them in the People tab." />
      </ChecklistField>
    </RecordEditorForm>
  );
}
