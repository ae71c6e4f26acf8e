import { useState, type FormEvent } from 'react';
import { linkAdd, linkRemove } from '../../api/tickets';
import { toAppError } from '../../api/types';
import type { LinkKind } from '../../bindings/LinkKind';
import type { LinkView } from '../../bindings/LinkView';
import { useToast } from '../../components/Toasts';
import { LINK_KIND_INBOUND_LABEL, LINK_KIND_LABEL, LINK_KINDS } from '../../lib/labels';
import { useActorGate } from '../../state/ActorGate';
import { routeForKey, routeToHash } from '../../state/route';

/** Related records: add by key, remove (the backend keeps a tombstone). */
export function LinksPanel({ recordKey, links }: { recordKey: string; links: LinkView[] }) {
  const [toKey, setToKey] = useState('');
  const [kind, setKind] = useState<LinkKind>('related');
  const [error, setError] = useState<string | null>(null);
  const notify = useToast();
  const { requireActor } = useActorGate();

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const target = toKey.trim().toUpperCase();
    if (!target || !requireActor()) return;
    try {
      await linkAdd(recordKey, target, kind);
      setToKey('');
      setError(null);
    } catch (caught) {
      const appError = toAppError(caught);
      setError(appError.code === 'not_found' ? `There is no record ${target}.` : appError.message);
    }
  };

  const remove = async (link: LinkView) => {
    if (!requireActor()) return;
    try {
      await linkRemove(link.link_id);
    } catch (caught) {
      notify(toAppError(caught).message, 'error');
    }
  };

  return (
    <section className="panel" aria-label="Links" data-testid="links-panel">
      <header className="panel-header">
        <h2>Related records</h2>
      </header>
      {links.length === 0 && <p className="muted">No links.</p>}
      <ul className="link-list">
        {links.map((link) => (
          <li key={link.link_id} data-testid={`link-${link.other_key}`}>
            <span className="link-kind">{(link.inbound ? LINK_KIND_INBOUND_LABEL : LINK_KIND_LABEL)[link.kind]}</span>
            <a href={routeToHash(routeForKey(link.other_key, link.other_kind))} className="record-key">
              {link.other_key}
            </a>
            <span className="link-title">{link.other_title}</span>
            <button type="button" className="icon-button" aria-label={`Remove link to ${link.other_key}`} data-testid={`link-remove-${link.other_key}`} onClick={() => void remove(link)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={add}>
        <select value={kind} aria-label="Link type" data-testid="link-add-kind" onChange={(event) => setKind(event.target.value as LinkKind)}>
          {LINK_KINDS.map((option) => (
            <option key={option} value={option}>
              {LINK_KIND_LABEL[option]}
            </option>
          ))}
        </select>
        <input value={toKey} placeholder="INC-000123" aria-label="Record key" data-testid="link-add-key" onChange={(event) => setToKey(event.target.value)} />
        <button type="submit" disabled={!toKey.trim()} data-testid="link-add-submit">
          Link
        </button>
      </form>
      {error && (
        <div className="field-error" role="alert" data-testid="link-error">
          {error}
        </div>
      )}
    </section>
  );
}
