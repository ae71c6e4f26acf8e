import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { EMPTY_FILTERS, type FilterState } from './filters';

type FiltersValue = {
  filters: FilterState;
  setFilters: (next: FilterState) => void;
};

const FiltersContext = createContext<FiltersValue | null>(null);

/** One set of filters for the board and the list, so switching views keeps the same slice of work. */
export function FiltersProvider({ children }: { children: ReactNode }) {
  const [filters, setFilters] = useState<FilterState>(EMPTY_FILTERS);
  const value = useMemo(() => ({ filters, setFilters }), [filters]);
  return <FiltersContext.Provider value={value}>{children}</FiltersContext.Provider>;
}

export function useFilters(): FiltersValue {
  const value = useContext(FiltersContext);
  if (!value) throw new Error('useFilters needs a FiltersProvider');
  return value;
}
