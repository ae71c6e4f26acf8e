import type { Route } from '../../state/route';

/** Somewhere the palette can take you, or something it can start. */
export type PaletteEntry = { id: string; label: string; hint: string; route: Route };

/** Every view and every "new …" action, found by typing any word of their label. */
export const PLACES: PaletteEntry[] = [
  { id: 'board', label: 'Board', hint: 'Incidents and requests by status', route: { view: 'board' } },
  { id: 'list', label: 'Ticket list', hint: 'Every incident and request', route: { view: 'list' } },
  { id: 'problems', label: 'Problems', hint: 'Problems and known errors', route: { view: 'problems' } },
  { id: 'sla', label: 'SLA dashboard', hint: 'Compliance, breaches, risk', route: { view: 'sla' } },
  { id: 'catalogue', label: 'Catalogue', hint: 'Services, customers, suppliers, agreements', route: { view: 'catalogue', tab: 'services' } },
  { id: 'cmdb', label: 'CMDB', hint: 'Configuration items', route: { view: 'cmdb', tab: 'items' } },
  { id: 'cmdb-quality', label: 'CMDB data quality', hint: 'Unverified, ownerless, orphaned, duplicated items', route: { view: 'cmdb', tab: 'quality' } },
  { id: 'cmdb-import', label: 'Import configuration items from CSV', hint: 'Map columns, check, import', route: { view: 'cmdb', tab: 'import' } },
  { id: 'directory', label: 'Directory', hint: 'People, groups, locations', route: { view: 'directory', tab: 'people' } },
  { id: 'new-ticket', label: 'New incident or request', hint: 'Log a ticket', route: { view: 'new-ticket' } },
  { id: 'new-problem', label: 'New problem', hint: 'Record a problem', route: { view: 'new-problem' } },
];

/** The places whose label or hint holds every word typed, in the order they are listed. */
export function matchingPlaces(text: string): PaletteEntry[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return PLACES.filter((place) => words.every((word) => `${place.label} ${place.hint}`.toLowerCase().includes(word)));
}

/** A record key typed in full (INC-000012, ci-7): the route that opens it, if the key has one. */
export function routeForTypedKey(text: string): Route | null {
  const match = /^\s*([a-z]{2,4})-0*(\d{1,9})\s*$/i.exec(text);
  if (!match) return null;
  const key = `${match[1].toUpperCase()}-${match[2].padStart(6, '0')}`;
  switch (match[1].toUpperCase()) {
    case 'INC':
    case 'REQ':
      return { view: 'ticket', key };
    case 'PRB':
      return { view: 'problem', key };
    case 'CI':
      return { view: 'ci', key };
    default:
      return null;
  }
}
