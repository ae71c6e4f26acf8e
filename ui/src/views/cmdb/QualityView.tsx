import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { cmdbQuality } from '../../api/cmdb';
import type { AppError } from '../../api/types';
import type { QualityReport } from '../../bindings/QualityReport';
import { queryKeys } from '../../state/queryKeys';
import { routeToHash } from '../../state/route';

const PERIODS = [30, 90, 180, 365];

/** What an auditor would find wrong with the CMDB's data, each finding linked to its items. */
export function QualityView() {
  const [days, setDays] = useState(180);
  const query = useQuery<QualityReport, AppError>({ queryKey: queryKeys.quality(days), queryFn: () => cmdbQuality(days) });
  const report = query.data;
  return (
    <div className="quality-view" data-testid="cmdb-quality">
      <div className="filter-bar">
        <label className="inline-label">
          Not verified within{' '}
          <select value={days} onChange={(event) => setDays(Number(event.target.value))} data-testid="quality-days">
            {PERIODS.map((d) => (
              <option key={d} value={d}>
                {d} days
              </option>
            ))}
          </select>
        </label>
      </div>
      {query.error && <div className="banner banner-error">{query.error.message}</div>}
      {report && (
        <div className="quality-grid">
          <Finding title={`Not verified within ${report.stale_after_days} days`} keys={report.not_verified} testId="quality-not-verified" />
          <Finding title="No owner" keys={report.no_owner} testId="quality-no-owner" />
          <Finding title="Orphans (no relationship, no service)" keys={report.orphans} testId="quality-orphans" />
          <Finding title="Licences over-used" keys={report.licences_over_used} testId="quality-licences" />
          <section className="panel" data-testid="quality-duplicates">
            <header className="panel-header">
              <h2>Likely duplicates</h2>
              <span className="count">{report.duplicates.length}</span>
            </header>
            {report.duplicates.length === 0 && <p className="muted">None found.</p>}
            <ul className="link-list">
              {report.duplicates.map((set) => (
                <li key={`${set.by}:${set.value}`}>
                  Same {set.by.replace('_', ' ')} “{set.value}”: <KeyLinks keys={set.keys} />
                </li>
              ))}
            </ul>
          </section>
          <section className="panel" data-testid="quality-dangling">
            <header className="panel-header">
              <h2>Relationships to retired items</h2>
              <span className="count">{report.to_retired.length}</span>
            </header>
            {report.to_retired.length === 0 && <p className="muted">None found.</p>}
            <ul className="link-list">
              {report.to_retired.map((rel) => (
                <li key={rel.key}>
                  <span className="record-key">{rel.key}</span> <KeyLinks keys={[rel.source]} /> {rel.relation} <KeyLinks keys={[rel.target]} />
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </div>
  );
}

function Finding({ title, keys, testId }: { title: string; keys: string[]; testId: string }) {
  return (
    <section className="panel" data-testid={testId}>
      <header className="panel-header">
        <h2>{title}</h2>
        <span className="count">{keys.length}</span>
      </header>
      {keys.length === 0 ? <p className="muted">None found.</p> : <KeyLinks keys={keys.slice(0, 300)} />}
      {keys.length > 300 && <p className="muted">and {keys.length - 300} more.</p>}
    </section>
  );
}

function KeyLinks({ keys }: { keys: string[] }) {
  return (
    <span className="key-links">
      {keys.map((key) =>
        key.startsWith('CI-') ? (
          <a key={key} href={routeToHash({ view: 'ci', key })} className="record-key">
            {key}
          </a>
        ) : (
          <span key={key} className="record-key">
            {key}
          </span>
        ),
      )}
    </span>
  );
}
