import { personCreate, personRetire, personUpdate } from '../../api/directory';
import type { Person } from '../../bindings/Person';
import type { PersonPatch } from '../../bindings/PersonPatch';
import { Checklist } from '../../components/Checklist';
import { ChecklistField } from '../../components/ChecklistField';
import { EditorActions } from '../../components/EditorActions';
import { Field } from '../../components/Field';
import { NameField } from '../../components/NameField';
import { RecordEditorForm } from '../../components/RecordEditorForm';
import { ReferenceField } from '../../components/ReferenceField';
import type { DirectoryLookup } from '../../state/useDirectory';
import { problemUnder, useNamedRecordEditor } from '../../state/useNamedRecordEditor';

type Form = { name: string; email: string; phone: string; can_act: boolean; group_ids: string[]; customer_id: string };

const formOf = (person?: Person): Form => ({
  name: person?.name ?? '',
  email: person?.email ?? '',
  phone: person?.phone ?? '',
  can_act: person ? person.can_act !== false : true,
  group_ids: person?.group_ids ?? [],
  customer_id: person?.customer_id ?? '',
});

type Props = { person?: Person; directory: DirectoryLookup; select: (key: string) => void };

/** A person: how to reach them, whether they may act in the workbench, their groups and customer. */
export function PersonEditor({ person, directory, select }: Props) {
  const { form, set, dirty, reset, saving, problems, blocked, submit, retire } = useNamedRecordEditor({
    record: person,
    initial: formOf(person),
    noun: 'person',
    create: (form) => personCreate({ ...form, customer_id: form.customer_id || undefined }),
    update: (person, changes, form) => {
      const patch: PersonPatch = { ...changes, ...('customer_id' in changes ? { customer_id: form.customer_id || null } : {}) };
      return personUpdate(person.key, patch, person.version);
    },
    retire: personRetire,
    onCreated: (saved) => select(saved.key),
  });

  return (
    <RecordEditorForm
      record={person}
      newHeading="New person"
      testId="person-editor"
      onSubmit={submit}
      footer={<EditorActions noun="person" isNew={!person} dirty={dirty} blocked={blocked} saving={saving} testId="person" onDiscard={reset} onRetire={retire} />}
    >
      <NameField value={form.name} error={problems.name} testId="person-name" onChange={(name) => set('name', name)} />
      <Field label="E-mail" name="email" error={problems.email}>
        <input id="field-email" type="email" value={form.email} data-testid="person-email" onChange={(e) => set('email', e.target.value)} />
      </Field>
      <Field label="Phone" name="phone" error={problems.phone}>
        <input id="field-phone" type="tel" value={form.phone} data-testid="person-phone" onChange={(e) => set('phone', e.target.value)} />
      </Field>
      <ReferenceField
        label="Customer"
        name="customer_id"
        value={form.customer_id}
        options={directory.customers}
        emptyLabel="None (our own staff)"
        error={problems.customer_id}
        hint="For callers: the customer organisation they belong to."
        testId="person-customer"
        onChange={(id) => set('customer_id', id)}
      />
      <div className="field field-wide">
        <label className="checkbox">
          <input type="checkbox" checked={form.can_act} data-testid="person-can-act" onChange={(e) => set('can_act', e.target.checked)} />
          <span className="checkbox-label">May act in the workbench (can be chosen as “Acting as” and make changes)</span>
        </label>
      </div>
      <ChecklistField label="Support groups" error={problemUnder(problems, 'group_ids')}>
        <Checklist items={directory.groups} chosen={form.group_ids} onChange={(ids) => set('group_ids', ids)} testId="person-groups" empty="No groups yet: create them in the Groups tab." />
      </ChecklistField>
    </RecordEditorForm>
  );
}
