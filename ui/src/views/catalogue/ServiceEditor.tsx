import { useMemo, useState } from 'react';
import { serviceUpdate } from '../../api/serviceLevels';
import type { Service } from '../../bindings/Service';
import type { ServicePatch } from '../../bindings/ServicePatch';
import type { ServiceStatus } from '../../bindings/ServiceStatus';
import { Field } from '../../components/Field';
import type { DirectoryLookup } from '../../state/useDirectory';
import { useCatalogueSave } from './useCatalogueSave';

const STATUSES: { value: ServiceStatus; label: string }[] = [
  { value: 'pipeline', label: 'Pipeline (planned)' },
  { value: 'live', label: 'Live' },
  { value: 'retired', label: 'Retired' },
];

type Form = { name: string; description: string; status: ServiceStatus; owner_id: string; customer_ids: string[]; depends_on: string[] };

const formOf = (service: Service): Form => ({
  name: service.name,
  description: service.description,
  status: service.status,
  owner_id: service.owner_id ?? '',
  customer_ids: service.customer_ids ?? [],
  depends_on: service.depends_on ?? [],
});

function patchOf(service: Service, form: Form): ServicePatch {
  const before = formOf(service);
  const patch: ServicePatch = {};
  if (form.name !== before.name) patch.name = form.name;
  if (form.description !== before.description) patch.description = form.description;
  if (form.status !== before.status) patch.status = form.status;
  if (form.owner_id !== before.owner_id) patch.owner_id = form.owner_id || null;
  if ([...form.customer_ids].sort().join() !== [...before.customer_ids].sort().join()) patch.customer_ids = form.customer_ids;
  if ([...form.depends_on].sort().join() !== [...before.depends_on].sort().join()) patch.depends_on = form.depends_on;
  return patch;
}

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

function Checklist({ items, chosen, disabled, onChange, testId }: { items: { id: string; name: string }[]; chosen: string[]; disabled?: Set<string>; onChange: (ids: string[]) => void; testId: string }) {
  return (
    <div className="checklist" data-testid={testId}>
      {items.map((item) => (
        <label key={item.id} className={`checkbox${disabled?.has(item.id) ? ' disabled' : ''}`} title={disabled?.has(item.id) ? 'Depends on this service already: choosing it would make a cycle.' : undefined}>
          <input
            type="checkbox"
            checked={chosen.includes(item.id)}
            disabled={disabled?.has(item.id) && !chosen.includes(item.id)}
            onChange={() => onChange(chosen.includes(item.id) ? chosen.filter((id) => id !== item.id) : [...chosen, item.id])}
          />
          {item.name}
        </label>
      ))}
      {items.length === 0 && <span className="muted">None in the workspace.</span>}
    </div>
  );
}

/** Owner, status, description, customers and the services it depends on. */
export function ServiceEditor({ service, directory }: { service: Service; directory: DirectoryLookup }) {
  const [form, setForm] = useState<Form>(() => formOf(service));
  const { save, saving, serverErrors, edited } = useCatalogueSave();
  const patch = patchOf(service, form);
  const dirty = Object.keys(patch).length > 0;
  const nameProblem = form.name.trim() ? undefined : 'Give the service a name.';
  const problems: Record<string, string | undefined> = { ...serverErrors, ...(nameProblem ? { name: nameProblem } : {}) };
  const cyclic = useMemo(() => dependents(service.id, directory.services), [service.id, directory.services]);
  const set = <K extends keyof Form>(field: K, value: Form[K], backendField: string = field) => {
    setForm((current) => ({ ...current, [field]: value }));
    edited(backendField);
  };
  const submit = () => void save(() => serviceUpdate(service.key, patch, service.version), (saved) => `${saved.key} saved.`, submit);
  const dependencyError = Object.entries(problems).find(([field]) => field.startsWith('depends_on'))?.[1];

  return (
    <form className="catalogue-editor" data-testid="service-editor" onSubmit={(e) => (e.preventDefault(), submit())}>
      <h2>
        {service.key} · {service.name}
      </h2>
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
      </div>
      <div className="form-grid">
        <div className="field">
          <span className="field-label">Customers</span>
          <Checklist items={directory.customers} chosen={form.customer_ids} onChange={(ids) => set('customer_ids', ids)} testId="service-customers" />
        </div>
        <div className={`field${dependencyError ? ' field-invalid' : ''}`}>
          <span className="field-label">Depends on</span>
          <Checklist items={directory.services.filter((s) => s.id !== service.id)} chosen={form.depends_on} disabled={cyclic} onChange={(ids) => set('depends_on', ids)} testId="service-depends-on" />
          {dependencyError && (
            <div className="field-error" role="alert" data-testid="field-error-depends_on">
              {dependencyError}
            </div>
          )}
        </div>
      </div>
      <div className="form-actions">
        {dirty && (
          <button type="button" className="button" onClick={() => (setForm(formOf(service)), edited())}>
            Discard
          </button>
        )}
        <button type="submit" className="button primary" disabled={!dirty || Boolean(nameProblem) || saving} data-testid="service-save">
          Save service
        </button>
      </div>
    </form>
  );
}
