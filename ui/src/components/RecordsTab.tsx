import { useState, type ReactNode } from 'react';
import { RecordListPane } from './RecordListPane';

type Listed = { key: string; name: string; version: number };

type Props<R extends Listed> = {
  /** The live records, in the order to list them. */
  records: R[];
  /** "person", "group": used in "+ New …" and the empty message. */
  noun: string;
  testId: string;
  /** False while the records are being read: nothing is chosen, nor a new one offered, yet. */
  loaded?: boolean;
  detail?: (record: R) => string | undefined;
  /** The editor of `record`, or of a new one when it is undefined; `select` shows a record after creating it. */
  editor: (record: R | undefined, select: (key: string) => void) => ReactNode;
};

/** One family's records in a list on the left, the chosen one (or a new one) in an editor on the right. */
export function RecordsTab<R extends Listed>({ records, noun, testId, loaded = true, detail, editor }: Props<R>) {
  const [selected, setSelected] = useState<string | null>(null);
  const key = selected === 'new' ? 'new' : records.some((r) => r.key === selected) ? selected : (records[0]?.key ?? 'new');
  const record = records.find((r) => r.key === key);
  return (
    <div className="catalogue-body">
      <RecordListPane
        testId={testId}
        items={records.map((r) => ({ key: r.key, name: r.name, detail: detail?.(r) }))}
        selected={key}
        onSelect={setSelected}
        newLabel={`New ${noun}`}
        onNew={() => setSelected('new')}
      />
      {/* Keyed by version, so a saved record (ours or another writer's) reloads the form. */}
      <div className="catalogue-editor-pane" key={record ? `${record.key}-${record.version}` : 'new'}>
        {loaded ? editor(record, setSelected) : <p className="muted">Loading…</p>}
      </div>
    </div>
  );
}
