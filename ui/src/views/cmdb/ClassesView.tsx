import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ciClassCreate, relationTypeCreate } from '../../api/cmdb';
import type { AppError } from '../../api/types';
import type { AttributeDef } from '../../bindings/AttributeDef';
import type { AttributeKind } from '../../bindings/AttributeKind';
import type { ImpactFlow } from '../../bindings/ImpactFlow';
import { Field } from '../../components/Field';
import { useFieldErrors } from '../../state/useFieldErrors';
import { useCmdbVocabulary } from './useCmdbVocabulary';

const KINDS: AttributeKind[] = ['text', 'number', 'date', 'choice', 'reference'];
const FLOW_LABEL: Record<ImpactFlow, string> = {
  toward_source: 'A failure of the target hits the source (as for "runs on")',
  toward_target: 'A failure of the source hits the target',
  both: 'A failure of either hits the other',
  neither: 'Neither: the link carries no impact',
};

type AttributeRow = { name: string; label: string; kind: AttributeKind; choices: string; required: boolean };
const EMPTY_ROW: AttributeRow = { name: '', label: '', kind: 'text', choices: '', required: false };

const attributeOf = (row: AttributeRow): AttributeDef => ({
  name: row.name.trim(),
  label: row.label.trim() || row.name.trim(),
  kind: row.kind,
  required: row.required,
  choices: row.kind === 'choice' ? row.choices.split(',').map((c) => c.trim()).filter(Boolean) : [],
});

/** The classes and relationship types the CMDB knows, and forms to define new ones. */
export function ClassesView() {
  const vocabulary = useCmdbVocabulary();
  return (
    <div className="quality-grid" data-testid="cmdb-classes">
      <section className="panel">
        <header className="panel-header">
          <h2>Classes</h2>
          <span className="count">{vocabulary.classes.length}</span>
        </header>
        <ul className="plain-list">
          {vocabulary.classes.map((cls) => (
            <li key={cls.id} data-testid={`class-${cls.id}`}>
              {cls.name}
              {cls.attributes.length > 0 && <span className="muted"> — {cls.attributes.map((a) => a.label).join(', ')}</span>}
            </li>
          ))}
        </ul>
        <NewClassForm />
      </section>
      <section className="panel">
        <header className="panel-header">
          <h2>Relationship types</h2>
          <span className="count">{vocabulary.types.length}</span>
        </header>
        <ul className="plain-list">
          {vocabulary.types.map((type) => (
            <li key={type.id} data-testid={`type-${type.id}`}>
              {type.name} / {type.reverse_name}
              <div className="muted">{FLOW_LABEL[type.flow]}</div>
            </li>
          ))}
        </ul>
        <NewTypeForm />
      </section>
    </div>
  );
}

function NewClassForm() {
  const [name, setName] = useState('');
  const [rows, setRows] = useState<AttributeRow[]>([]);
  const { errors, report, clear } = useFieldErrors();
  const [notice, setNotice] = useState<string | null>(null);
  const create = useMutation<unknown, AppError>({
    mutationFn: () => ciClassCreate({ name, description: '', attributes: rows.map(attributeOf) }),
    onSuccess: () => {
      setName('');
      setRows([]);
      clear();
      setNotice(null);
    },
    onError: (error) => setNotice(report(error)?.message ?? null),
  });
  const setRow = (index: number, row: Partial<AttributeRow>) => setRows((all) => all.map((r, i) => (i === index ? { ...r, ...row } : r)));
  return (
    <form className="class-form" onSubmit={(event) => { event.preventDefault(); create.mutate(); }} data-testid="new-class-form">
      <h3 className="panel-subhead">New class</h3>
      {notice && <div className="banner banner-error">{notice}</div>}
      <Field label="Name" name="name" error={errors.name}>
        <input id="field-name" value={name} onChange={(event) => setName(event.target.value)} data-testid="new-class-name" />
      </Field>
      {rows.map((row, index) => (
        <div key={index} className="attribute-row" data-testid={`new-class-attribute-${index}`}>
          <input aria-label="Attribute name" placeholder="name (e.g. os_version)" value={row.name} onChange={(event) => setRow(index, { name: event.target.value })} />
          <input aria-label="Label" placeholder="Label" value={row.label} onChange={(event) => setRow(index, { label: event.target.value })} />
          <select aria-label="Kind" value={row.kind} onChange={(event) => setRow(index, { kind: event.target.value as AttributeKind })}>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
          {row.kind === 'choice' && <input aria-label="Choices" placeholder="a, b, c" value={row.choices} onChange={(event) => setRow(index, { choices: event.target.value })} />}
          <label className="checkbox">
            <input type="checkbox" checked={row.required} onChange={(event) => setRow(index, { required: event.target.checked })} />
            <span className="checkbox-label">required</span>
          </label>
          {errors[`attributes[${index}]`] && <span className="field-error">{errors[`attributes[${index}]`]}</span>}
        </div>
      ))}
      <div className="filter-bar">
        <button type="button" className="button" onClick={() => setRows((all) => [...all, EMPTY_ROW])} data-testid="new-class-add-attribute">
          + Attribute
        </button>
        <button type="submit" className="button primary" disabled={create.isPending} data-testid="new-class-save">
          Define class
        </button>
      </div>
    </form>
  );
}

function NewTypeForm() {
  const [name, setName] = useState('');
  const [reverse, setReverse] = useState('');
  const [flow, setFlow] = useState<ImpactFlow>('toward_source');
  const { errors, report, clear } = useFieldErrors();
  const [notice, setNotice] = useState<string | null>(null);
  const create = useMutation<unknown, AppError>({
    mutationFn: () => relationTypeCreate({ name, reverse_name: reverse, flow }),
    onSuccess: () => {
      setName('');
      setReverse('');
      clear();
      setNotice(null);
    },
    onError: (error) => setNotice(report(error)?.message ?? null),
  });
  return (
    <form className="class-form" onSubmit={(event) => { event.preventDefault(); create.mutate(); }} data-testid="new-type-form">
      <h3 className="panel-subhead">New relationship type</h3>
      {notice && <div className="banner banner-error">{notice}</div>}
      <Field label="Read from source to target" name="name" error={errors.name} hint='e.g. "replicates to"'>
        <input id="field-type-name" value={name} onChange={(event) => setName(event.target.value)} data-testid="new-type-name" />
      </Field>
      <Field label="Read from target to source" name="reverse_name" error={errors.reverse_name} hint='e.g. "is replicated from"'>
        <input id="field-reverse_name" value={reverse} onChange={(event) => setReverse(event.target.value)} data-testid="new-type-reverse" />
      </Field>
      <Field label="Impact" name="flow" error={errors.flow}>
        <select id="field-flow" value={flow} onChange={(event) => setFlow(event.target.value as ImpactFlow)} data-testid="new-type-flow">
          {(Object.keys(FLOW_LABEL) as ImpactFlow[]).map((f) => (
            <option key={f} value={f}>
              {FLOW_LABEL[f]}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="button primary" disabled={create.isPending} data-testid="new-type-save">
        Define type
      </button>
    </form>
  );
}
