import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { relate } from '../../api/cmdb';
import type { AppError } from '../../api/types';
import type { Ci } from '../../bindings/Ci';
import type { EndKind } from '../../bindings/EndKind';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useDirectory } from '../../state/useDirectory';
import { useCmdbVocabulary } from './useCmdbVocabulary';

type RelateFormProps = { ci: Ci; onClose: () => void };

/**
 * A new relationship from this item to another CI (by key) or a catalogue service, or the
 * other way round: "this server *hosts* …" is written as "… *hosted by* this server".
 */
export function RelateForm({ ci, onClose }: RelateFormProps) {
  const vocabulary = useCmdbVocabulary();
  const directory = useDirectory();
  const [relation, setRelation] = useState('depends_on');
  const [reverse, setReverse] = useState(false);
  const [otherKind, setOtherKind] = useState<EndKind>('ci');
  const [otherCi, setOtherCi] = useState('');
  const [otherService, setOtherService] = useState('');
  const create = useMutation<unknown, AppError>({
    mutationFn: () => {
      const other = otherKind === 'ci' ? otherCi.trim() : otherService;
      return reverse ? relate(other, relation, ci.key) : relate(ci.key, relation, other);
    },
    onSuccess: onClose,
  });
  const type = vocabulary.types.find((t) => t.id === relation);
  return (
    <Dialog
      title={`Relate ${ci.key}`}
      onClose={onClose}
      testId="relate-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button primary" onClick={() => create.mutate()} disabled={create.isPending} data-testid="relate-save">
            Relate
          </button>
        </>
      }
    >
      {create.error && <div className="banner banner-error" data-testid="relate-error">{create.error.message}</div>}
      <Field label="This item" name="relation">
        <select id="field-relation" value={`${reverse ? 'in' : 'out'}:${relation}`} data-testid="relate-type" onChange={(event) => {
          const [way, id] = event.target.value.split(':');
          setReverse(way === 'in');
          setRelation(id);
        }}>
          {vocabulary.types.map((t) => (
            <option key={`out:${t.id}`} value={`out:${t.id}`}>
              {t.name}
            </option>
          ))}
          {vocabulary.types.map((t) => (
            <option key={`in:${t.id}`} value={`in:${t.id}`}>
              {t.reverse_name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="The other end" name="other_kind">
        <select id="field-other_kind" value={otherKind} onChange={(event) => setOtherKind(event.target.value as EndKind)} data-testid="relate-other-kind">
          <option value="ci">A configuration item</option>
          <option value="service">A catalogue service</option>
        </select>
      </Field>
      {otherKind === 'ci' ? (
        <Field label="Item key" name={reverse ? 'source' : 'target'} hint="For example CI-000012">
          <input id={`field-${reverse ? 'source' : 'target'}`} value={otherCi} onChange={(event) => setOtherCi(event.target.value)} data-testid="relate-other-ci" />
        </Field>
      ) : (
        <Field label="Service" name={reverse ? 'source' : 'target'}>
          <select value={otherService} onChange={(event) => setOtherService(event.target.value)} data-testid="relate-other-service">
            <option value="">Choose a service</option>
            {directory.services.map((service) => (
              <option key={service.id} value={service.key}>
                {service.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      {type && (
        <p className="muted">
          Reads as: {reverse ? 'the other end' : ci.name} {type.name} {reverse ? ci.name : 'the other end'}.
        </p>
      )}
    </Dialog>
  );
}
