import { useState } from 'react';
import { TabbedViewHeader } from '../../components/TabbedViewHeader';
import { routeToHash } from '../../state/route';
import { CiEditor } from './CiEditor';
import { CiList } from './CiList';
import { ClassesView } from './ClassesView';
import { CsvImport } from './CsvImport';
import { QualityView } from './QualityView';

const TABS = [
  { id: 'items', label: 'Configuration items' },
  { id: 'quality', label: 'Data quality' },
  { id: 'import', label: 'Import CSV' },
  { id: 'classes', label: 'Classes and types' },
] as const;

/** Configuration management: the items, the quality of their data, and loading them from CSV. */
export function CmdbView({ tab }: { tab: string }) {
  const current = TABS.some((t) => t.id === tab) ? tab : 'items';
  const [creating, setCreating] = useState(false);
  return (
    <div className="view list-view" data-testid="cmdb">
      <TabbedViewHeader heading="CMDB" tabs={TABS} current={current} hrefOf={(id) => routeToHash({ view: 'cmdb', tab: id })} testIdPrefix="cmdb" />
      {current === 'items' && <CiList onNew={() => setCreating(true)} />}
      {current === 'quality' && <QualityView />}
      {current === 'import' && <CsvImport />}
      {current === 'classes' && <ClassesView />}
      {creating && <CiEditor onClose={() => setCreating(false)} />}
    </div>
  );
}
