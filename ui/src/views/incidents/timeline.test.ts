import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../bindings/AuditEntry';
import type { Comment } from '../../bindings/Comment';
import { describeValue, fieldChanges, mergeTimeline } from './timeline';


function entry(seq: number, at: string, changes: AuditEntry['changes'], extra: Partial<AuditEntry> = {}): AuditEntry {
  return { seq, at, actor: 'Amara', action: 'update', record_kind: 'incident', record_id: 't1', record_key: 'INC-000001', changes, row_digest: '', prev_hash: '', hash: '', ...extra };
}

function comment(id: string, at: string, internal = false): Comment {
  return { id, key: `COM-${id}`, parent_id: 't1', author_id: 'p1', body: 'text', internal, created_at: at, updated_at: at, version: 1 };
}

const names = {
  personName: (id?: string | null) => (id === 'p1' ? 'Jonas Weber' : undefined),
  groupName: () => 'Network',
  serviceName: () => undefined,
  customerName: () => undefined,
};

describe('mergeTimeline', () => {
  it('interleaves comments and history oldest first, without the comments’ own audit entries', () => {
    const items = mergeTimeline(
      [comment('c2', '2026-01-01T10:30:00Z', true), comment('c1', '2026-01-01T09:30:00Z')],
      [
        entry(1, '2026-01-01T09:00:00Z', { title: [null, 'Printer'] }, { action: 'create' }),
        entry(2, '2026-01-01T09:30:00Z', { body: [null, 'text'] }, { record_kind: 'comment' }),
        entry(3, '2026-01-01T10:00:00Z', { status: ['new', 'assigned'] }),
      ],
    );
    expect(items.map((item) => item.id)).toEqual(['h-1', 'c-c1', 'h-3', 'c-c2']);
  });

  it('puts a change before a comment made in the same instant', () => {
    const items = mergeTimeline([comment('c1', '2026-01-01T10:00:00Z')], [entry(5, '2026-01-01T10:00:00Z', { status: ['new', 'assigned'] })]);
    expect(items.map((item) => item.type)).toEqual(['history', 'comment']);
  });
});

describe('fieldChanges', () => {
  it('reads {field: [before, after]} and skips bookkeeping fields', () => {
    expect(fieldChanges({ assignee_id: [null, 'p1'], version: [1, 2], updated_at: ['a', 'b'] })).toEqual([
      { field: 'assignee_id', before: null, after: 'p1' },
    ]);
    expect(fieldChanges({ responded_at: [null, '2026-01-01T10:00:00Z'] })).toHaveLength(1);
  });

  it('tolerates shapes it does not expect', () => {
    expect(fieldChanges(null)).toEqual([]);
    expect(fieldChanges(['x'])).toEqual([]);
  });
});

describe('describeValue', () => {
  it('names people, labels statuses and levels, and marks empty values', () => {
    expect(describeValue('assignee_id', 'p1', names)).toBe('Jonas Weber');
    expect(describeValue('assignee_id', 'gone', names)).toBe('someone no longer listed');
    expect(describeValue('status', 'in_progress', names)).toBe('In progress');
    expect(describeValue('impact', 'high', names)).toBe('High');
    expect(describeValue('priority', 2, names)).toBe('P2');
    expect(describeValue('assignee_id', null, names)).toBe('—');
    expect(describeValue('known_error', true, names)).toBe('Yes');
    expect(describeValue('responded_at', '2026-01-01T10:00:00Z', names)).not.toContain('T10:00');
  });

  it('shortens long text', () => {
    const long = 'x'.repeat(200);
    expect(describeValue('description', long, names)).toHaveLength(81);
  });
});
