import { groupCreate, groupRetire, groupUpdate } from '../../api/directory';
import type { Group } from '../../bindings/Group';
import type { GroupPatch } from '../../bindings/GroupPatch';
import { Checklist } from '../../components/Checklist';
import { EditorActions } from '../../components/EditorActions';
import { Field } from '../../components/Field';
import type { DirectoryLookup } from '../../state/useDirectory';
import { useEditorForm } from '../../state/useEditorForm';
import { useEditorSave } from '../../state/useEditorSave';

type Form = { name: string; description: string; lead_id: string; member_ids: string[] };

type Props = { group?: Group; directory: DirectoryLookup; select: (key: string) => void };

/** A support group: its name, what it handles, its lead and its members (kept on each person). */
export function GroupEditor({ group, directory, select }: Props) {
  const members = group ? directory.people.filter((person) => person.group_ids?.includes(group.id)).map((person) => person.id) : [];
  const initial: Form = { name: group?.name ?? '', description: group?.description ?? '', lead_id: group?.lead_id ?? '', member_ids: members };
  const { save, saving, serverErrors, edited } = useEditorSave();
  const { form, set, changes, dirty, reset } = useEditorForm(initial, edited);
  const nameProblem = form.name.trim() ? undefined : 'Give the group a name.';
  const problems: Record<string, string | undefined> = { ...serverErrors, ...(nameProblem && dirty ? { name: nameProblem } : {}) };
  const memberError = Object.entries(problems).find(([field]) => field.startsWith('member_ids'))?.[1];

  const submit = () => {
    if (!group) {
      const draft = { ...form, lead_id: form.lead_id || undefined };
      void save(() => groupCreate(draft), (saved) => `${saved.key} created.`, submit).then((saved) => saved && select(saved.key));
      return;
    }
    const patch: GroupPatch = { ...changes, ...('lead_id' in changes ? { lead_id: form.lead_id || null } : {}) };
    void save(() => groupUpdate(group.key, patch, group.version), (saved) => `${saved.key} saved.`, submit);
  };
  const retire = group && (() => void save(() => groupRetire(group.key), (gone) => `${gone.key} retired.`));

  return (
    <form className="catalogue-editor" data-testid="group-editor" onSubmit={(e) => (e.preventDefault(), submit())}>
      <h2>{group ? `${group.key} · ${group.name}` : 'New support group'}</h2>
      <div className="form-grid">
        <Field label="Name" name="name" error={problems.name}>
          <input id="field-name" value={form.name} data-testid="group-name" onChange={(e) => set('name', e.target.value)} />
        </Field>
        <Field label="Lead" name="lead_id" error={problems.lead_id}>
          <select id="field-lead_id" value={form.lead_id} data-testid="group-lead" onChange={(e) => set('lead_id', e.target.value)}>
            <option value="">No lead</option>
            {directory.people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="What the group handles" name="description" error={problems.description} wide>
          <textarea id="field-description" rows={2} value={form.description} data-testid="group-description" onChange={(e) => set('description', e.target.value)} />
        </Field>
        <div className={`field field-wide${memberError ? ' field-invalid' : ''}`}>
          <span className="field-label">Members</span>
          <Checklist items={directory.people} chosen={form.member_ids} onChange={(ids) => set('member_ids', ids)} testId="group-members" empty="No people yet: add them in the People tab." />
          {memberError && (
            <div className="field-error" role="alert">
              {memberError}
            </div>
          )}
        </div>
      </div>
      <EditorActions noun="group" isNew={!group} dirty={dirty} blocked={Boolean(nameProblem)} saving={saving} testId="group" onDiscard={reset} onRetire={retire} />
    </form>
  );
}
