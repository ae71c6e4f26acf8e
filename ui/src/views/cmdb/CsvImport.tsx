import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { cmdbImport, type CsvImport as ImportRequest } from '../../api/cmdb';
import type { AppError } from '../../api/types';
import type { ImportSummary } from '../../bindings/ImportSummary';
import { csvHeader } from './csvHeader';
import { CI_IMPORT_FIELDS, IGNORE, saveMapping, savedMappings } from './importMapping';

type Picked = { name: string; text: string; columns: string[]; delimiter: string };

// A row with a key always updates that CI; these find the CI a row without one updates.
const MATCH_ON = [
  { id: 'serial', label: 'Serial number' },
  { id: 'asset_tag', label: 'Asset tag' },
  { id: 'name', label: 'Name' },
];

async function pick(file: File | undefined): Promise<Picked | null> {
  if (!file) return null;
  const text = await file.text();
  return { name: file.name, text, ...csvHeader(text) };
}

/**
 * Loads CIs (and relationships) from CSV in three steps: map the columns, check everything
 * without writing (every problem with its line and column), then write all or nothing.
 */
export function CsvImport() {
  const [cis, setCis] = useState<Picked | null>(null);
  const [relations, setRelations] = useState<Picked | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [matchOn, setMatchOn] = useState('serial');
  const [checked, setChecked] = useState<ImportSummary | null>(null);
  const [mappingName, setMappingName] = useState('');
  const [saved, setSaved] = useState(savedMappings);
  const run = useMutation<ImportSummary, AppError, boolean>({
    mutationFn: (dryRun) => {
      const chosen = Object.fromEntries(Object.entries(mapping).filter(([, field]) => field !== ''));
      const request: ImportRequest = { cisCsv: cis!.text, relationsCsv: relations?.text ?? null, mapping: { cis: chosen, match_on: matchOn, delimiter: cis!.delimiter }, dryRun };
      return cmdbImport(request);
    },
    onSuccess: (summary) => setChecked(summary),
  });
  const choose = async (file: File | undefined) => {
    const picked = await pick(file);
    setCis(picked);
    setChecked(null);
    setMapping({});
  };
  const remap = (column: string, field: string) => {
    setMapping((current) => ({ ...current, [column]: field }));
    setChecked(null);
  };
  const load = (name: string) => {
    const chosen = saved[name];
    if (!chosen) return;
    setMapping((current) => ({ ...current, ...chosen.mapping }));
    setMatchOn(chosen.matchOn);
    setChecked(null);
  };
  const store = () => {
    if (!mappingName.trim()) return;
    saveMapping(mappingName.trim(), { mapping, matchOn });
    setSaved(savedMappings());
  };
  const clean = checked && checked.problems.length === 0;

  return (
    <div className="panel csv-import" data-testid="csv-import">
      <section className="import-step">
        <h2>1. Choose the files</h2>
        <label className="file-pick">
          Configuration items (CSV){' '}
          <input type="file" accept=".csv,text/csv" onChange={(event) => void choose(event.target.files?.[0])} data-testid="import-cis-file" />
        </label>
        <label className="file-pick">
          Relationships (CSV, optional: columns source, type, target){' '}
          <input type="file" accept=".csv,text/csv" onChange={async (event) => { setRelations(await pick(event.target.files?.[0])); setChecked(null); }} data-testid="import-relations-file" />
        </label>
      </section>
      {cis && (
        <section className="import-step" data-testid="import-mapping">
          <h2>2. Map the columns of {cis.name}</h2>
          <div className="filter-bar">
            {Object.keys(saved).length > 0 && (
              <select aria-label="Saved mapping" defaultValue="" onChange={(event) => load(event.target.value)} data-testid="import-load-mapping">
                <option value="">Use a saved mapping…</option>
                {Object.keys(saved).map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            )}
            <label className="inline-label">
              Rows without a key update the item with the same{' '}
              <select value={matchOn} onChange={(event) => { setMatchOn(event.target.value); setChecked(null); }} data-testid="import-match-on">
                {MATCH_ON.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <table className="data-table compact">
            <thead>
              <tr>
                <th>Column in the file</th>
                <th>Field</th>
              </tr>
            </thead>
            <tbody>
              {cis.columns.map((column) => (
                <tr key={column}>
                  <td>{column}</td>
                  <td>
                    <select value={mapping[column] ?? ''} onChange={(event) => remap(column, event.target.value)} aria-label={`Field for ${column}`} data-testid={`import-map-${column}`}>
                      <option value="">By its name</option>
                      <option value={IGNORE}>Leave out</option>
                      {CI_IMPORT_FIELDS.map((field) => (
                        <option key={field} value={field}>
                          {field}
                        </option>
                      ))}
                      <option value={`attributes.${column}`}>Class attribute “{column}”</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="filter-bar">
            <input value={mappingName} onChange={(event) => setMappingName(event.target.value)} placeholder="Name this mapping (e.g. GLPI export)" aria-label="Mapping name" />
            <button type="button" className="button" onClick={store} disabled={!mappingName.trim()}>
              Save mapping
            </button>
          </div>
        </section>
      )}
      {cis && (
        <section className="import-step">
          <h2>3. Check, then import</h2>
          <div className="filter-bar">
            <button type="button" className="button" onClick={() => run.mutate(true)} disabled={run.isPending} data-testid="import-check">
              Check without writing
            </button>
            <button type="button" className="button primary" onClick={() => run.mutate(false)} disabled={run.isPending || !clean || checked?.written} data-testid="import-run">
              Import
            </button>
          </div>
          {run.error && <div className="banner banner-error">{run.error.message}</div>}
          {checked && <ImportResult summary={checked} />}
        </section>
      )}
    </div>
  );
}

function ImportResult({ summary }: { summary: ImportSummary }) {
  const counts = `${summary.created} to create, ${summary.updated} to update, ${summary.unchanged} unchanged; ${summary.relationships_created} relationships to add`;
  if (summary.problems.length === 0) {
    return (
      <div className={`banner ${summary.written ? 'banner-success' : 'banner-info'}`} data-testid="import-summary">
        {summary.written ? `Imported: ${counts.replaceAll(' to ', ' ').replace('create', 'created').replace('update', 'updated').replace('add', 'added')}.` : `Ready: ${counts}.`}
      </div>
    );
  }
  return (
    <div data-testid="import-problems">
      <div className="banner banner-error">{summary.problems.length} problems; nothing was written. Fix the file or the mapping and check again.</div>
      <table className="data-table compact">
        <thead>
          <tr>
            <th>File</th>
            <th>Line</th>
            <th>Column</th>
            <th>Problem</th>
          </tr>
        </thead>
        <tbody>
          {summary.problems.slice(0, 500).map((problem, index) => (
            <tr key={index}>
              <td>{problem.file}</td>
              <td>{problem.line}</td>
              <td>{problem.column ?? '—'}</td>
              <td>{problem.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
