import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { directory } from '../api/directory';
import type { Directory } from '../bindings/Directory';
import { queryKeys } from './queryKeys';

const EMPTY: Directory = { people: [], groups: [], services: [], customers: [], suppliers: [] };

export type DirectoryLookup = Directory & {
  personName: (id?: string | null) => string | undefined;
  groupName: (id?: string | null) => string | undefined;
  serviceName: (id?: string | null) => string | undefined;
  customerName: (id?: string | null) => string | undefined;
  /** Support staff: people in at least one group (callers have none). */
  staff: Directory['people'];
};

function namer(items: { id: string; name: string }[]) {
  const byId = new Map(items.map((item) => [item.id, item.name]));
  return (id?: string | null) => (id ? byId.get(id) : undefined);
}

function staffOf(people: Directory['people']): Directory['people'] {
  const staff = people.filter((person) => (person.group_ids?.length ?? 0) > 0);
  // A one-person provider may not have set up groups yet: then everyone can be assigned.
  return staff.length > 0 ? staff : people;
}

/** People, groups, services, customers and suppliers, with id → name lookups for display. */
export function useDirectory(enabled = true): DirectoryLookup {
  const query = useQuery({ queryKey: queryKeys.directory, queryFn: directory, enabled });
  const data = query.data ?? EMPTY;
  return useMemo(
    () => ({
      ...data,
      personName: namer(data.people),
      groupName: namer(data.groups),
      serviceName: namer(data.services),
      customerName: namer(data.customers),
      staff: staffOf(data.people),
    }),
    [data],
  );
}
