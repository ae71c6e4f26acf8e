import { useMemo } from 'react';
import { serviceCreate, serviceRetire, serviceUpdate } from '../../api/catalogue';
import type { Service } from '../../bindings/Service';
import type { ServicePatch } from '../../bindings/ServicePatch';
import type { ServiceStatus } from '../../bindings/ServiceStatus';
import { Checklist } from '../../components/Checklist';
import { EditorActions } from '../../components/EditorActions';
import { Field } from '../../components/Field';
import type { DirectoryLookup } from '../../state/useDirectory';
import { useEditorForm } from '../../state/useEditorForm';
import { useEditorSave } from '../../state/useEditorSave';

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
  const { save, saving, serverErrors, edited } = useEditorSave();
  const { form, set, changes, dirty, reset } = useEditorForm(formOf(service), edited);
  const nameProblem = form.name.trim() ? undefined : 'Give the service a name.';
  const problems: Record<string, string | undefined> = { ...serverErrors, ...(nameProblem && dirty ? { name: nameProblem } : {}) };
  const cyclic = useMemo(() => (service ? dependents(service.id, directory.services) : new Set<string>()), [service, directory.services]);
  const dependencyError = Object.entries(problems).find(([field]) => field.startsWith('depends_on'))?.[1];

  const submit = () => {
    if (!service) {
      const draft = { ...form, owner_id: form.owner_id || undefined };
      void save(() => serviceCreate(draft), (saved) => `${saved.key} created.`, submit).then((saved) => saved && select?.(saved.key));
      return;
    }
    const patch: ServicePatch = { ...changes, ...('owner_id' in changes ? { owner_id: form.owner_id || null } : {}) };
    void save(() => serviceUpdate(service.key, patch, service.version), (saved) => `${saved.key} saved.`, submit);
  };
  const retire = service && (() => void save(() => serviceRetire(service.key), (gone) => `${gone.key} retired.`));

  return (
    <form className="catalogue-editor" data-testid="service-editor" onSubmit={(e) => (e.preventDefault(), submit())}>
      <h2>{service ? `${service.key} · ${service.name}` : 'New service'}</h2>
      <div className="form-grid">
        <Field label="Name" name="name" error={problems.name}>
          <input id="field-name" value={form.name} data-testid="service-name" onChange={(e) => set('name', e.target.value)} />
        </Field>
        <Field label="Status" name="status" error={problems.status}>
          <select id="field-status" value={form.status} data-testid="service-status" onChange={(e) => set('status', e.target.value as ServiceStatus)}>
            {STATUSES.map((status) => (
              <option key={status.value} value={status.value}>
                {status.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Owner" name="owner_id" error={problems.owner_id}>
          <select id="field-owner_id" value={form.owner_id} data-testid="service-owner" onChange={(e) => set('owner_id', e.target.value)}>
            <option value="">No owner</option>
            {directory.staff.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Description" name="description" error={problems.description} wide>
          <textarea id="field-description" rows={3} value={form.description} data-testid="service-description" onChange={(e) => set('description', e.target.value)} />
        </Field>
        <div className="field field-wide">
          <span className="field-label">Customers</span>
          <Checklist items={directory.customers} chosen={form.customer_ids} onChange={(ids) => set('customer_ids', ids)} testId="service-customers" empty="No customers yet: add them in the Customers tab." />
        </div>
        <div className={`field field-wide${dependencyError ? ' field-invalid' : ''}`}>
          <span className="field-label">Depends on</span>
          <Checklist
            items={directory.services.filter((s) => s.id !== service?.id)}
            chosen={form.depends_on}
            disabled={cyclic}
            disabledReason="Depends on this service already: choosing it would make a cycle."
            onChange={(ids) => set('depends_on', ids)}
            testId="service-depends-on"
            empty="No other services."
          />
          {dependencyError && (
            <div className="field-error" role="alert" data-testid="field-error-depends_on">
              {dependencyError}
            </div>
          )}
        </div>
      </div>
      <EditorActions noun="service" isNew={!service} dirty={dirty} blocked={Boolean(nameProblem)} saving={saving} testId="service" onDiscard={reset} onRetire={retire} />
    </form>
  );
}
