import { useState } from 'react';
import { routeToHash } from '../../state/route';
import { CiEditor } from './CiEditor';
import { CiList } from './CiList';
import { CsvImport } from './CsvImport';
import { QualityView } from './QualityView';

const TABS = [
  { id: 'items', label: 'Configuration items' },
  { id: 'quality', label: 'Data quality' },
  { id: 'import', label: 'Import CSV' },
] as const;

/** Configuration management: the items, the quality of their data, and loading them from CSV. */
export function CmdbView({ tab }: { tab: string }) {
  const current = TABS.some((t) => t.id === tab) ? tab : 'items';
  const [creating, setCreating] = useState(false);
  return (
    <div className="view list-view" data-testid="cmdb">
      <div className="view-header">
        <h1>CMDB</h1>
        <nav className="tabs" aria-label="CMDB">
          {TABS.map((t) => (
            <a key={t.id} href={routeToHash({ view: 'cmdb', tab: t.id })} className={`tab${current === t.id ? ' active' : ''}`} aria-current={current === t.id ? 'page' : undefined} data-testid={`cmdb-tab-${t.id}`}>
              {t.label}
            </a>
          ))}
        </nav>
        <span className="card-spacer" />
        <button type="button" className="button primary" onClick={() => setCreating(true)} data-testid="new-ci-button">
          + New item
        </button>
      </div>
      {current === 'items' && <CiList />}
      {current === 'quality' && <QualityView />}
      {current === 'import' && <CsvImport />}
      {creating && <CiEditor onClose={() => setCreating(false)} />}
    </div>
  );
}
