import { useEffect, useState } from 'react';

// Hash-based routes: the app is loaded from files, so there is no server to resolve paths,
// and the hash survives a reload of the window.
export type Route =
  | { view: 'board' }
  | { view: 'list' }
  | { view: 'problems' }
  | { view: 'ticket'; key: string }
  | { view: 'problem'; key: string }
  | { view: 'new-ticket' }
  | { view: 'new-problem' }
  | { view: 'sla' }
  | { view: 'catalogue'; tab: string }
  | { view: 'directory'; tab: string }
  | { view: 'cmdb'; tab: string }
  | { view: 'ci'; key: string }
  | { view: 'ci-graph'; key: string };

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  switch (parts[0]) {
    case 'list':
      return { view: 'list' };
    case 'problems':
      return { view: 'problems' };
    case 'ticket':
      return parts[1] ? { view: 'ticket', key: parts[1] } : { view: 'board' };
    case 'problem':
      return parts[1] ? { view: 'problem', key: parts[1] } : { view: 'problems' };
    case 'new-ticket':
      return { view: 'new-ticket' };
    case 'new-problem':
      return { view: 'new-problem' };
    case 'sla':
      return { view: 'sla' };
    case 'catalogue':
      return { view: 'catalogue', tab: parts[1] ?? 'services' };
    case 'directory':
      return { view: 'directory', tab: parts[1] ?? 'people' };
    case 'cmdb':
      return { view: 'cmdb', tab: parts[1] ?? 'items' };
    case 'ci':
      return parts[1] ? { view: 'ci', key: parts[1] } : { view: 'cmdb', tab: 'items' };
    case 'ci-graph':
      return parts[1] ? { view: 'ci-graph', key: parts[1] } : { view: 'cmdb', tab: 'items' };
    default:
      return { view: 'board' };
  }
}

export function routeToHash(route: Route): string {
  switch (route.view) {
    case 'ticket':
    case 'problem':
    case 'ci':
    case 'ci-graph':
      return `#/${route.view}/${encodeURIComponent(route.key)}`;
    case 'catalogue':
    case 'directory':
    case 'cmdb':
      return `#/${route.view}/${encodeURIComponent(route.tab)}`;
    default:
      return `#/${route.view}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeToHash(route);
}

/** Problem keys start with PRB-, everything else a search can find here is a ticket. */
export function routeForKey(key: string, kind?: string): Route {
  if (kind === 'problem' || key.startsWith('PRB-')) return { view: 'problem', key };
  return { view: 'ticket', key };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
