import type { AuditEntry } from '../../bindings/AuditEntry';
import type { Comment } from '../../bindings/Comment';
import type { JsonValue } from '../../bindings/serde_json/JsonValue';
import { formatDateTime } from '../../lib/age';
import { FIELD_LABEL, LEVEL_LABEL, RESOLUTION_CODES, STATUS_LABEL } from '../../lib/labels';

export type FieldChange = { field: string; before: JsonValue; after: JsonValue };

export type TimelineItem =
  | { type: 'comment'; at: string; id: string; comment: Comment }
  | { type: 'history'; at: string; id: string; entry: AuditEntry; changes: FieldChange[] };

// Fields the timeline does not list: identity and bookkeeping that repeat the entry itself.
const QUIET_FIELDS = new Set(['id', 'key', 'kind', 'version', 'created_at', 'updated_at', 'deleted_at']);

/** `{field: [before, after]}` from an audit entry, in a stable order, without bookkeeping fields. */
export function fieldChanges(changes: JsonValue): FieldChange[] {
  if (!changes || typeof changes !== 'object' || Array.isArray(changes)) return [];
  return Object.entries(changes)
    .filter(([field]) => !QUIET_FIELDS.has(field))
    .map(([field, pair]) => {
      const [before, after] = Array.isArray(pair) ? pair : [null, pair];
      return { field, before: before ?? null, after: after ?? null };
    });
}

/**
 * Comments and audit history as one story, oldest first. A comment's own audit entry is left
 * out: the comment itself is already in the story.
 */
export function mergeTimeline(comments: Comment[], history: AuditEntry[]): TimelineItem[] {
  const items: TimelineItem[] = [
    ...comments
      .filter((comment) => !comment.deleted_at)
      .map((comment): TimelineItem => ({ type: 'comment', at: comment.created_at, id: `c-${comment.id}`, comment })),
    ...history
      .filter((entry) => entry.record_kind !== 'comment')
      .map((entry): TimelineItem => ({
        type: 'history',
        at: entry.at,
        id: `h-${String(entry.seq)}`,
        entry,
        changes: fieldChanges(entry.changes),
      })),
  ];
  return items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.type === b.type ? 0 : a.type === 'history' ? -1 : 1));
}

type Names = {
  personName: (id?: string | null) => string | undefined;
  groupName: (id?: string | null) => string | undefined;
  serviceName: (id?: string | null) => string | undefined;
  customerName: (id?: string | null) => string | undefined;
};

const LONG_TEXT = 80;

/** A before/after value in words: names instead of ids, labels instead of codes, long text shortened. */
export function describeValue(field: string, value: JsonValue, names: Names): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return field === 'priority' ? `P${value}` : String(value);
  if (typeof value !== 'string') return JSON.stringify(value);
  switch (field) {
    case 'assignee_id':
    case 'caller_id':
      return names.personName(value) ?? 'someone no longer listed';
    case 'group_id':
      return names.groupName(value) ?? 'a removed group';
    case 'service_id':
      return names.serviceName(value) ?? 'a removed service';
    case 'customer_id':
      return names.customerName(value) ?? 'a removed customer';
    case 'status':
      return STATUS_LABEL[value as keyof typeof STATUS_LABEL] ?? value;
    case 'impact':
    case 'urgency':
      return LEVEL_LABEL[value as keyof typeof LEVEL_LABEL] ?? value;
    case 'resolution_code':
      return RESOLUTION_CODES.find((option) => option.code === value)?.label ?? value;
    case 'problem_id':
      return 'a problem';
    case 'sla_id':
      return 'an SLA';
    case 'parent_id':
    case 'author_id':
      return names.personName(value) ?? 'a record';
  }
  // Milestones such as responded_at matter for SLAs: shown as a local date and time.
  if (field.endsWith('_at')) return formatDateTime(value);
  return value.length > LONG_TEXT ? `${value.slice(0, LONG_TEXT)}…` : value;
}

export function fieldLabel(field: string): string {
  return FIELD_LABEL[field] ?? field.replace(/_/g, ' ');
}
