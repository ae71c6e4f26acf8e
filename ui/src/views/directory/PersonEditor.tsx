import { personCreate, personRetire, personUpdate } from '../../api/directory';
import type { Person } from '../../bindings/Person';
import type { PersonPatch } from '../../bindings/PersonPatch';
import { Checklist } from '../../components/Checklist';
import { EditorActions } from '../../components/EditorActions';
import { Field } from '../../components/Field';
import type { DirectoryLookup } from '../../state/useDirectory';
import { useEditorForm } from '../../state/useEditorForm';
import { useEditorSave } from '../../state/useEditorSave';

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
  const { save, saving, serverErrors, edited } = useEditorSave();
  const { form, set, changes, dirty, reset } = useEditorForm(formOf(person), edited);
  const nameProblem = form.name.trim() ? undefined : 'Give the person a name.';
  const problems: Record<string, string | undefined> = { ...serverErrors, ...(nameProblem && dirty ? { name: nameProblem } : {}) };

  const submit = () => {
    if (!person) {
      const draft = { ...form, customer_id: form.customer_id || undefined };
      void save(() => personCreate(draft), (saved) => `${saved.key} created.`, submit).then((saved) => saved && select(saved.key));
      return;
    }
    const patch: PersonPatch = { ...changes, ...('customer_id' in changes ? { customer_id: form.customer_id || null } : {}) };
    void save(() => personUpdate(person.key, patch, person.version), (saved) => `${saved.key} saved.`, submit);
  };
  const retire = person && (() => void save(() => personRetire(person.key), (gone) => `${gone.key} retired.`));

  return (
    <form className="catalogue-editor" data-testid="person-editor" onSubmit={(e) => (e.preventDefault(), submit())}>
      <h2>{person ? `${person.key} · ${person.name}` : 'New person'}</h2>
      <div className="form-grid">
        <Field label="Name" name="name" error={problems.name}>
          <input id="field-name" value={form.name} data-testid="person-name" onChange={(e) => set('name', e.target.value)} />
        </Field>
        <Field label="E-mail" name="email" error={problems.email}>
          <input id="field-email" type="email" value={form.email} data-testid="person-email" onChange={(e) => set('email', e.target.value)} />
        </Field>
        <Field label="Phone" name="phone" error={problems.phone}>
          <input id="field-phone" type="tel" value={form.phone} data-testid="person-phone" onChange={(e) => set('phone', e.target.value)} />
        </Field>
        <Field label="Customer" name="customer_id" error={problems.customer_id} hint="For callers: the customer organisation they belong to.">
          <select id="field-customer_id" value={form.customer_id} data-testid="person-customer" onChange={(e) => set('customer_id', e.target.value)}>
            <option value="">None (our own staff)</option>
            {directory.customers.map((customer) => (
              <option key={customer.id} value={customer.id}>
                {customer.name}
              </option>
            ))}
          </select>
        </Field>
        <div className="field field-wide">
          <label className="checkbox">
            <input type="checkbox" checked={form.can_act} data-testid="person-can-act" onChange={(e) => set('can_act', e.target.checked)} />
            <span className="checkbox-label">May act in the workbench (can be chosen as “Acting as” and make changes)</span>
          </label>
        </div>
        <div className={`field field-wide${problems.group_ids ? ' field-invalid' : ''}`}>
          <span className="field-label">Support groups</span>
          <Checklist items={directory.groups} chosen={form.group_ids} onChange={(ids) => set('group_ids', ids)} testId="person-groups" empty="No groups yet: create them in the Groups tab." />
        </div>
      </div>
      <EditorActions noun="person" isNew={!person} dirty={dirty} blocked={Boolean(nameProblem)} saving={saving} testId="person" onDiscard={reset} onRetire={retire} />
    </form>
  );
}
