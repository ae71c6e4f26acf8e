import { customerCreate, customerRetire, customerUpdate, supplierCreate, supplierRetire, supplierUpdate } from '../../api/catalogue';
import type { Customer } from '../../bindings/Customer';
import type { Supplier } from '../../bindings/Supplier';
import { Checklist } from '../../components/Checklist';
import { EditorActions } from '../../components/EditorActions';
import { Field } from '../../components/Field';
import type { DirectoryLookup } from '../../state/useDirectory';
import { useEditorForm } from '../../state/useEditorForm';
import { useEditorSave } from '../../state/useEditorSave';

type Kind = 'customer' | 'supplier';
type Party = Customer | Supplier;

const WORDS = {
  customer: { description: 'Description', services: 'Services it takes' },
  supplier: { description: 'What they supply', services: '' },
} as const;

type Props = { kind: Kind; party?: Party; directory: DirectoryLookup; select: (key: string) => void };

/**
 * A customer or a supplier: name, what it is (for a supplier, what it supplies) and who to
 * contact there; a customer also picks the services it takes (kept on each service).
 */
export function PartyEditor({ kind, party, directory, select }: Props) {
  const taken = party && kind === 'customer' ? directory.services.filter((s) => s.customer_ids?.includes(party.id)).map((s) => s.id) : [];
  const initial = { name: party?.name ?? '', description: party?.description ?? '', contacts: party?.contacts ?? '', service_ids: taken };
  const { save, saving, serverErrors, edited } = useEditorSave();
  const { form, set, changes, dirty, reset } = useEditorForm(initial, edited);
  const nameProblem = form.name.trim() ? undefined : `Give the ${kind} a name.`;
  const problems: Record<string, string | undefined> = { ...serverErrors, ...(nameProblem && dirty ? { name: nameProblem } : {}) };
  const words = WORDS[kind];

  const submit = () => {
    const { service_ids, ...fields } = changes;
    if (!party) {
      const draft = { name: form.name, description: form.description, contacts: form.contacts };
      const create = kind === 'customer' ? customerCreate : supplierCreate;
      void save(() => create(draft), (saved) => `${saved.key} created.`, submit).then(async (saved) => {
        if (!saved) return;
        // A new customer's services are set once it exists (they are kept on the services).
        if (kind === 'customer' && form.service_ids.length > 0) await save(() => customerUpdate(saved.key, {}, form.service_ids, saved.version), () => `${saved.key} takes its services.`);
        select(saved.key);
      });
      return;
    }
    const update = kind === 'customer' ? () => customerUpdate(party.key, fields, service_ids ?? null, party.version) : () => supplierUpdate(party.key, fields, party.version);
    void save(update, (saved) => `${saved.key} saved.`, submit);
  };
  const retire = party && (() => void save(() => (kind === 'customer' ? customerRetire : supplierRetire)(party.key), (gone) => `${gone.key} retired.`));

  return (
    <form className="catalogue-editor" data-testid={`${kind}-editor`} onSubmit={(e) => (e.preventDefault(), submit())}>
      <h2>{party ? `${party.key} · ${party.name}` : `New ${kind}`}</h2>
      <div className="form-grid">
        <Field label="Name" name="name" error={problems.name}>
          <input id="field-name" value={form.name} data-testid={`${kind}-name`} onChange={(e) => set('name', e.target.value)} />
        </Field>
        <Field label={words.description} name="description" error={problems.description} wide>
          <textarea id="field-description" rows={3} value={form.description} data-testid={`${kind}-description`} onChange={(e) => set('description', e.target.value)} />
        </Field>
        <Field label="Contacts" name="contacts" error={problems.contacts} hint="Names, roles, e-mail addresses and numbers, one per line." wide>
          <textarea id="field-contacts" rows={3} value={form.contacts} data-testid={`${kind}-contacts`} onChange={(e) => set('contacts', e.target.value)} />
        </Field>
        {kind === 'customer' && (
          <div className="field field-wide">
            <span className="field-label">{words.services}</span>
            <Checklist items={directory.services} chosen={form.service_ids} onChange={(ids) => set('service_ids', ids)} testId="customer-services" empty="No services yet: add them in the Services tab." />
          </div>
        )}
      </div>
      <EditorActions noun={kind} isNew={!party} dirty={dirty} blocked={Boolean(nameProblem)} saving={saving} testId={kind} onDiscard={reset} onRetire={retire} />
    </form>
  );
}
