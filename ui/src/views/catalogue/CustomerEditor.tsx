import { useState } from 'react';
import { customerUpdate } from '../../api/serviceLevels';
import type { Customer } from '../../bindings/Customer';
import type { PartyPatch } from '../../bindings/PartyPatch';
import { Field } from '../../components/Field';
import type { DirectoryLookup } from '../../state/useDirectory';
import { useCatalogueSave } from './useCatalogueSave';

/** A customer's name and description, and the services it receives (edited on the service). */
export function CustomerEditor({ customer, directory }: { customer: Customer; directory: DirectoryLookup }) {
  const [name, setName] = useState(customer.name);
  const [description, setDescription] = useState(customer.description);
  const { save, saving, serverErrors, edited } = useCatalogueSave();
  const patch: PartyPatch = {
    ...(name !== customer.name ? { name } : {}),
    ...(description !== customer.description ? { description } : {}),
  };
  const dirty = Object.keys(patch).length > 0;
  const nameProblem = name.trim() ? undefined : 'Give the customer a name.';
  const services = directory.services.filter((service) => service.customer_ids?.includes(customer.id));
  const submit = () => void save(() => customerUpdate(customer.key, patch, customer.version), (saved) => `${saved.key} saved.`, submit);

  return (
    <form className="catalogue-editor" data-testid="customer-editor" onSubmit={(e) => (e.preventDefault(), submit())}>
      <h2>
        {customer.key} · {customer.name}
      </h2>
      <div className="form-grid">
        <Field label="Name" name="name" error={nameProblem ?? serverErrors.name}>
          <input id="field-name" value={name} data-testid="customer-name" onChange={(e) => (setName(e.target.value), edited('name'))} />
        </Field>
        <Field label="Description" name="description" error={serverErrors.description} wide>
          <textarea id="field-description" rows={3} value={description} data-testid="customer-description" onChange={(e) => (setDescription(e.target.value), edited('description'))} />
        </Field>
      </div>
      <h3>Services received</h3>
      <p className="form-note">{services.length ? services.map((service) => service.name).join(', ') : 'None yet: add the customer on a service.'}</p>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={!dirty || Boolean(nameProblem) || saving} data-testid="customer-save">
          Save customer
        </button>
      </div>
    </form>
  );
}
