import { useMemo } from 'react';
import { serviceCreate, serviceRetire, serviceUpdate } from '../../api/catalogue';
import type { Service } from '../../bindings/Service';
import type { ServicePatch } from '../../bindings/ServicePatch';
import type { ServiceStatus } from '../../bindings/ServiceStatus';
import { Checklist } from '../../components/Checklist';
import { ChecklistField } from '../../components/ChecklistField';
import { EditorActions } from '../../components/EditorActions';
import { Field } from '../../components/Field';
import { NameField } from '../../components/NameField';
import { RecordEditorForm } from '../../components/RecordEditorForm';
import { ReferenceField } from '../../components/ReferenceField';
import type { DirectoryLookup } from '../../state/useDirectory';
import { problemUnder, useNamedRecordEditor } from '../../state/useNamedRecordEditor';

const STATUSES: { value: ServiceStatus; label: string }[] = [
  { value: 'pipeline', label: 'Pipeline (planned)' },
  { value: 'live', label: 'Live' },
  { value: 'retired', label: 'Retired' },
];

type Form = { name: string; description: string; status: ServiceStatus; owner_id: string; customer_ids: string[]; depends_on: string[] };

const formOf = (service?: Service): Form => ({
  name: service?.name ?? '',
  description: service?.description ?? '',
  status: service?.status ?? 'live',
  owner_id: service?.owner_id ?? '',
  customer_ids: service?.customer_ids ?? [],
  depends_on: service?.depends_on ?? [],
});

/** Services this one would reach by following `depends_on`: picking one of them would close a cycle. */
export function dependents(serviceId: string, services: Service[]): Set<string> {
  const users = new Set<string>([serviceId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const other of services) {
      if (!users.has(other.id) && (other.depends_on ?? []).some((id) => users.has(id))) {
        users.add(other.id);
        grew = true;
      }
    }
  }
  return users;
}

type Props = { service?: Service; directory: DirectoryLookup; select?: (key: string) => void };

/** Owner, status, description, customers and the services it depends on; a new service when `service` is absent. */
export function ServiceEditor({ service, directory, select }: Props) {
  const { form, set, dirty, reset, saving, problems, blocked, submit, retire } = useNamedRecordEditor({
    record: service,
    initial: formOf(service),
    noun: 'service',
    create: (form) => serviceCreate({ ...form, owner_id: form.owner_id || undefined }),
    update: (service, changes, form) => {
      const patch: ServicePatch = { ...changes, ...('owner_id' in changes ? { owner_id: form.owner_id || null } : {}) };
      return serviceUpdate(service.key, patch, service.version);
    },
    retire: serviceRetire,
    onCreated: (saved) => select?.(saved.key),
  });
  const cyclic = useMemo(() => (service ? dependents(service.id, directory.services) : new Set<string>()), [service, directory.services]);

  return (
    <RecordEditorForm
      record={service}
      newHeading="New service"
      testId="service-editor"
      onSubmit={submit}
      footer={<EditorActions noun="service" isNew={!service} dirty={dirty} blocked={blocked} saving={saving} testId="service" onDiscard={reset} onRetire={retire} />}
    >
      <NameField value={form.name} error={problems.name} testId="service-name" onChange={(name) => set('name', name)} />
      <Field label="Status" name="status" error={problems.status}>
        <select id="field-status" value={form.status} data-testid="service-status" onChange={(e) => set('status', e.target.value as ServiceStatus)}>
          {STATUSES.map((status) => (
            <option key={status.value} value={status.value}>
              {status.label}
            </option>
          ))}
        </select>
      </Field>
      <ReferenceField label="Owner" name="owner_id" value={form.owner_id} options={directory.staff} emptyLabel="No owner" error={problems.owner_id} testId="service-owner" onChange={(id) => set('owner_id', id)} />
      <Field label="Description" name="description" error={problems.description} wide>
        <textarea id="field-description" rows={3} value={form.description} data-testid="service-description" onChange={(e) => set('description', e.target.value)} />
      </Field>
      <ChecklistField label="Customers">
        <Checklist items={directory.customers} chosen={form.customer_ids} onChange={(ids) => set('customer_ids', ids)} testId="service-customers" empty="No customers yet: add them in the Customers tab." />
      </ChecklistField>
      <ChecklistField label="Depends on" error={problemUnder(problems, 'depends_on')} errorTestId="field-error-depends_on">
        <Checklist
          items={directory.services.filter((s) => s.id !== service?.id)}
          chosen={form.depends_on}
          disabled={cyclic}
          disabledReason="Depends on this service already: choosing it would make a cycle."
          onChange={(ids) => set('depends_on', ids)}
          testId="service-depends-on"
          empty="No other services."
        />
      </ChecklistField>
    </RecordEditorForm>
  );
}
