import type { Route } from '../../state/route';
import { routeToHash } from '../../state/route';

type NavItem = { id: string; label: string; route: Route; matches: Route['view'][] };

const ITEMS: NavItem[] = [
  { id: 'board', label: 'Board', route: { view: 'board' }, matches: ['board'] },
  { id: 'list', label: 'List', route: { view: 'list' }, matches: ['list'] },
  { id: 'problems', label: 'Problems', route: { view: 'problems' }, matches: ['problems', 'problem', 'new-problem'] },
];

const SERVICE_LEVEL_ITEMS: NavItem[] = [
  { id: 'sla', label: 'SLA dashboard', route: { view: 'sla' }, matches: ['sla'] },
  { id: 'catalogue', label: 'Catalogue', route: { view: 'catalogue', tab: 'services' }, matches: ['catalogue'] },
];

const CONFIGURATION_ITEMS: NavItem[] = [
  { id: 'cmdb', label: 'CMDB', route: { view: 'cmdb', tab: 'items' }, matches: ['cmdb', 'ci', 'ci-graph'] },
];

const ORGANISATION_ITEMS: NavItem[] = [
  { id: 'directory', label: 'Directory', route: { view: 'directory', tab: 'people' }, matches: ['directory'] },
];

export function SideNav({ route }: { route: Route }) {
  return (
    <nav className="side-nav" aria-label="Main">
      <div className="side-nav-brand">
        <span className="brand-mark" aria-hidden="true" />
        SMS Workbench
      </div>
      <a className="new-ticket-link" href={routeToHash({ view: 'new-ticket' })} data-testid="new-ticket-button">
        New incident / request
      </a>
      <div className="side-nav-section">Service desk</div>
      {ITEMS.map((item) => <NavLink key={item.id} item={item} route={route} />)}
      <div className="side-nav-section">Service levels</div>
      {SERVICE_LEVEL_ITEMS.map((item) => <NavLink key={item.id} item={item} route={route} />)}
      <div className="side-nav-section">Configuration</div>
      {CONFIGURATION_ITEMS.map((item) => <NavLink key={item.id} item={item} route={route} />)}
      <div className="side-nav-section">Organisation</div>
      {ORGANISATION_ITEMS.map((item) => <NavLink key={item.id} item={item} route={route} />)}
    </nav>
  );
}

function NavLink({ item, route }: { item: NavItem; route: Route }) {
  const active = item.matches.includes(route.view);
  return (
    <a
      href={routeToHash(item.route)}
      className={`side-nav-item${active ? ' active' : ''}`}
      aria-current={active ? 'page' : undefined}
      data-testid={`nav-${item.id}`}
    >
      {item.label}
    </a>
  );
}
