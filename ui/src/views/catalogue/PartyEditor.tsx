import { customerCreate, customerRetire, customerUpdate, supplierCreate, supplierRetire, supplierUpdate } from '../../api/catalogue';
import type { Customer } from '../../bindings/Customer';
import type { Supplier } from '../../bindings/Supplier';
import { Checklist } from '../../components/Checklist';
import { ChecklistField } from '../../components/ChecklistField';
import { EditorActions } from '../../components/EditorActions';
import { Field } from '../../components/Field';
import { NameField } from '../../components/NameField';
import { RecordEditorForm } from '../../components/RecordEditorForm';
import type { DirectoryLookup } from '../../state/useDirectory';
import { useNamedRecordEditor } from '../../state/useNamedRecordEditor';

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
  const words = WORDS[kind];
  const editor = useNamedRecordEditor({
    record: party,
    initial,
    noun: kind,
    create: ({ name, description, contacts }) => (kind === 'customer' ? customerCreate : supplierCreate)({ name, description, contacts }),
    update: (party, { service_ids, ...fields }) =>
      kind === 'customer' ? customerUpdate(party.key, fields, service_ids ?? null, party.version) : supplierUpdate(party.key, fields, party.version),
    retire: kind === 'customer' ? customerRetire : supplierRetire,
    onCreated: async (saved) => {
      // A new customer's services are set once it exists (they are kept on the services).
      if (kind === 'customer' && form.service_ids.length > 0) await editor.save(() => customerUpdate(saved.key, {}, form.service_ids, saved.version), () => `${saved.key} takes its services.`);
      select(saved.key);
    },
  });
  const { form, set, dirty, reset, saving, problems, blocked, submit, retire } = editor;

  return (
    <RecordEditorForm
      record={party}
      newHeading={`New ${kind}`}
      testId={`${kind}-editor`}
      onSubmit={submit}
      footer={<EditorActions noun={kind} isNew={!party} dirty={dirty} blocked={blocked} saving={saving} testId={kind} onDiscard={reset} onRetire={retire} />}
    >
      <NameField value={form.name} error={problems.name} testId={`${kind}-name`} onChange={(name) => set('name', name)} />
      <Field label={words.description} name="description" error={problems.description} wide>
        <textarea id="field-description" rows={3} value={form.description} data-testid={`${kind}-description`} onChange={(e) => set('description', e.target.value)} />
      </Field>
      <Field label="Contacts" name="contacts" error={problems.contacts} hint="Names, roles, e-mail addresses and numbers, one per line." wide>
        <textarea id="field-contacts" rows={3} value={form.contacts} data-testid={`${kind}-contacts`} onChange={(e) => set('contacts', e.target.value)} />
      </Field>
      {kind === 'customer' && (
        <ChecklistField label={words.services}>
          <Checklist items={directory.services} chosen={form.service_ids} onChange={(ids) => set('service_ids', ids)} testId="customer-services" empty="No services yet: add them in the Services tab." />
        </ChecklistField>
      )}
    </RecordEditorForm>
  );
}
