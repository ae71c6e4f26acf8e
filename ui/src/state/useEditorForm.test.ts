import { describe, expect, it } from 'vitest';
import { changedFields } from './useEditorForm';

describe('changedFields', () => {
  it('sends only what changed, with lists compared whatever their order', () => {
    const initial = { name: 'Desk', lead_id: '', member_ids: ['a', 'b'] };
    expect(changedFields(initial, { ...initial, member_ids: ['b', 'a'] })).toEqual({});
    expect(changedFields(initial, { ...initial, name: 'Desk ', member_ids: ['a'] })).toEqual({ name: 'Desk ', member_ids: ['a'] });
    expect(changedFields(initial, { ...initial, lead_id: 'p' })).toEqual({ lead_id: 'p' });
  });
});
