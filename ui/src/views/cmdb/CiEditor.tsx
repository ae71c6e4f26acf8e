import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ciCreate, ciUpdate } from '../../api/cmdb';
import type { AppError } from '../../api/types';
import type { Asset } from '../../bindings/Asset';
import type { Ci } from '../../bindings/Ci';
import type { CiFields } from '../../bindings/CiFields';
import type { CiStatus } from '../../bindings/CiStatus';
import type { Criticality } from '../../bindings/Criticality';
import { Checklist } from '../../components/Checklist';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { OptionSelect } from '../../components/OptionSelect';
import { navigate } from '../../state/route';
import { useDirectory } from '../../state/useDirectory';
import { useFieldErrors } from '../../state/useFieldErrors';
import { CI_STATUSES, CI_STATUS_LABEL, choicesOf, CRITICALITIES, CRITICALITY_LABEL } from './cmdbLabels';
import { useCmdbVocabulary } from './useCmdbVocabulary';

type CiEditorProps = { ci?: Ci; onClose: () => void };

type Form = Required<Pick<CiFields, 'name' | 'class' | 'status' | 'criticality' | 'description' | 'serial_number' | 'asset_tag'>> & {
  owner_id: string;
  group_id: string;
  supplier_id: string;
  location_id: string;
  service_ids: string[];
  attributes: Record<string, string>;
  asset: Record<keyof Asset, string>;
};

const ASSET_FIELDS: { name: keyof Asset; label: string; type: 'number' | 'date' | 'text' }[] = [
  { name: 'cost', label: 'Cost', type: 'number' },
  { name: 'purchased_on', label: 'Purchased', type: 'date' },
  { name: 'warranty_until', label: 'Warranty until', type: 'date' },
  { name: 'seats', label: 'Licence seats bought', type: 'number' },
  { name: 'seats_used', label: 'Licence seats in use', type: 'number' },
  { name: 'disposed_on', label: 'Disposed on', type: 'date' },
  { name: 'disposal_method', label: 'Disposal method', type: 'text' },
];

function formOf(ci?: Ci): Form {
  const asset = Object.fromEntries(ASSET_FIELDS.map(({ name }) => [name, ci?.asset?.[name]?.toString() ?? ''])) as Form['asset'];
  return {
    name: ci?.name ?? '',
    class: ci?.class ?? 'server',
    status: ci?.status ?? 'live',
    criticality: ci?.criticality ?? 'medium',
    description: ci?.description ?? '',
    serial_number: ci?.serial_number ?? '',
    asset_tag: ci?.asset_tag ?? '',
    owner_id: ci?.owner_id ?? '',
    group_id: ci?.group_id ?? '',
    supplier_id: ci?.supplier_id ?? '',
    location_id: ci?.location_id ?? '',
    service_ids: ci?.service_ids ?? [],
    attributes: { ...(ci?.attributes ?? {}) },
    asset,
  };
}

/** The form's asset fields as the record keeps them: numbers as numbers, empty ones left out. */
function assetOf(form: Form['asset']): Asset {
  const asset: Record<string, string | number> = {};
  for (const { name, type } of ASSET_FIELDS) {
    const value = form[name].trim();
    if (value) asset[name] = type === 'number' ? Number(value) : value;
  }
  return asset as Asset;
}

function fieldsOf(form: Form): CiFields {
  return {
    ...form,
    owner_id: form.owner_id || null,
    group_id: form.group_id || null,
    supplier_id: form.supplier_id || null,
    location_id: form.location_id || null,
    attributes: Object.fromEntries(Object.entries(form.attributes).filter(([, value]) => value.trim() !== '')),
    asset: assetOf(form.asset),
  };
}

/** Creates a configuration item or edits one; the store checks every field against its class. */
export function CiEditor({ ci, onClose }: CiEditorProps) {
  const directory = useDirectory();
  const vocabulary = useCmdbVocabulary();
  const [form, setForm] = useState<Form>(() => formOf(ci));
  const { errors, report, clear } = useFieldErrors();
  const [notice, setNotice] = useState<string | null>(null);
  const save = useMutation<Ci, AppError>({
    mutationFn: () => (ci ? ciUpdate(ci.key, fieldsOf(form), ci.version) : ciCreate(fieldsOf(form))),
    onSuccess: (saved) => {
      onClose();
      if (!ci) navigate({ view: 'ci', key: saved.key });
    },
    onError: (error) => setNotice(report(error)?.message ?? null),
  });
  const set = <K extends keyof Form>(name: K, value: Form[K]) => {
    setForm((current) => ({ ...current, [name]: value }));
    clear(name);
  };
  const attributeDefs = vocabulary.classDef(form.class)?.attributes ?? [];

  return (
    <Dialog
      title={ci ? `Edit ${ci.key}` : 'New configuration item'}
      onClose={onClose}
      testId="ci-editor"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button primary" onClick={() => save.mutate()} disabled={save.isPending} data-testid="ci-save">
            {ci ? 'Save' : 'Create'}
          </button>
        </>
      }
    >
      {notice && <div className="banner banner-error">{notice}</div>}
      <div className="form-grid">
        <Field label="Name" name="name" error={errors.name} wide>
          <input id="field-name" value={form.name} onChange={(event) => set('name', event.target.value)} data-testid="ci-field-name" />
        </Field>
        <Field label="Class" name="class" error={errors.class}>
          <select id="field-class" value={form.class} onChange={(event) => set('class', event.target.value)} data-testid="ci-field-class">
            {vocabulary.classes.map((cls) => (
              <option key={cls.id} value={cls.id}>
                {cls.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Status" name="status" error={errors.status}>
          <select id="field-status" value={form.status} onChange={(event) => set('status', event.target.value as CiStatus)}>
            {choicesOf(CI_STATUSES, CI_STATUS_LABEL).map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Criticality" name="criticality" error={errors.criticality}>
          <select id="field-criticality" value={form.criticality} onChange={(event) => set('criticality', event.target.value as Criticality)}>
            {choicesOf(CRITICALITIES, CRITICALITY_LABEL).map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Owner" name="owner_id" error={errors.owner_id}>
          <OptionSelect id="field-owner_id" value={form.owner_id} onChange={(value) => set('owner_id', value)} options={directory.people} emptyLabel="No owner" testId="ci-field-owner" />
        </Field>
        <Field label="Support group" name="group_id" error={errors.group_id}>
          <OptionSelect id="field-group_id" value={form.group_id} onChange={(value) => set('group_id', value)} options={directory.groups} emptyLabel="None" />
        </Field>
        <Field label="Supplier" name="supplier_id" error={errors.supplier_id}>
          <OptionSelect id="field-supplier_id" value={form.supplier_id} onChange={(value) => set('supplier_id', value)} options={directory.suppliers} emptyLabel="None" />
        </Field>
        <Field label="Location" name="location_id" error={errors.location_id}>
          <OptionSelect id="field-location_id" value={form.location_id} onChange={(value) => set('location_id', value)} options={directory.locations} emptyLabel="None" />
        </Field>
        <Field label="Serial number" name="serial_number" error={errors.serial_number}>
          <input id="field-serial_number" value={form.serial_number} onChange={(event) => set('serial_number', event.target.value)} />
        </Field>
        <Field label="Asset tag" name="asset_tag" error={errors.asset_tag}>
          <input id="field-asset_tag" value={form.asset_tag} onChange={(event) => set('asset_tag', event.target.value)} />
        </Field>
        {attributeDefs.map((def) => (
          <Field key={def.name} label={def.label} name={`attributes.${def.name}`} error={errors[`attributes.${def.name}`]}>
            {def.kind === 'choice' ? (
              <OptionSelect id={`field-attributes.${def.name}`} value={form.attributes[def.name] ?? ''} onChange={(value) => set('attributes', { ...form.attributes, [def.name]: value })} options={(def.choices ?? []).map((c) => ({ id: c, name: c }))} emptyLabel="—" />
            ) : (
              <input
                id={`field-attributes.${def.name}`}
                type={def.kind === 'number' ? 'number' : def.kind === 'date' ? 'date' : 'text'}
                value={form.attributes[def.name] ?? ''}
                placeholder={def.kind === 'reference' ? 'CI-000001' : undefined}
                onChange={(event) => set('attributes', { ...form.attributes, [def.name]: event.target.value })}
              />
            )}
          </Field>
        ))}
        <Field label="Supports these services" name="service_ids" error={errors.service_ids} wide>
          <Checklist items={directory.services} chosen={form.service_ids} onChange={(ids) => set('service_ids', ids)} testId="ci-field-services" />
        </Field>
        <Field label="Description" name="description" error={errors.description} wide>
          <textarea id="field-description" rows={3} value={form.description} onChange={(event) => set('description', event.target.value)} />
        </Field>
      </div>
      <details className="asset-fields">
        <summary>Asset data</summary>
        <div className="form-grid">
          {ASSET_FIELDS.map(({ name, label, type }) => (
            <Field key={name} label={label} name={`asset.${name}`} error={errors[`asset.${name}`]}>
              <input id={`field-asset.${name}`} type={type} value={form.asset[name]} onChange={(event) => set('asset', { ...form.asset, [name]: event.target.value })} />
            </Field>
          ))}
        </div>
      </details>
    </Dialog>
  );
}
