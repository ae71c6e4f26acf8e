/** The CI fields a CSV column can fill, as the store's importer names them (csv_rows.rs). */
export const CI_IMPORT_FIELDS = [
  'key', 'name', 'class', 'status', 'criticality', 'description', 'owner', 'group', 'supplier', 'location',
  'serial', 'asset_tag', 'services', 'verified_at', 'verified_by', 'cost', 'purchased_on', 'warranty_until',
  'seats', 'seats_used', 'disposed_on', 'disposal_method',
] as const;

/** A column chosen to be skipped; a column not in the mapping maps by its own name. */
export const IGNORE = 'ignore';

export type SavedMapping = { mapping: Record<string, string>; matchOn: string };

const STORE_KEY = 'smw.cmdb.csv-mappings';

/** Mappings saved on this computer by name, so next month's export maps in one click. */
export function savedMappings(): Record<string, SavedMapping> {
  try {
    return JSON.parse(localStorage.getItem(STORE_KEY) ?? '{}') as Record<string, SavedMapping>;
  } catch {
    return {};
  }
}

export function saveMapping(name: string, mapping: SavedMapping) {
  localStorage.setItem(STORE_KEY, JSON.stringify({ ...savedMappings(), [name]: mapping }));
}
