import { describe, expect, it } from 'vitest';
import { stepAfterRefusal } from './transitionSteps';

describe('stepAfterRefusal', () => {
  it('asks for the missing facts when only they are missing', () => {
    expect(stepAfterRefusal({ code: 'pending_reason_required', message: 'm', field: 'pending_reason' })).toEqual({ ask: 'pending_reason' });
    expect(stepAfterRefusal({ code: 'resolution_required', message: 'm', field: 'resolution_code' })).toEqual({ ask: 'resolution' });
  });

  it('explains any other refusal with the backend message, whatever its wording', () => {
    expect(stepAfterRefusal({ code: 'invalid_transition', message: 'Only a resolved ticket can be closed.' })).toEqual({
      explain: 'Only a resolved ticket can be closed.',
    });
    expect(stepAfterRefusal({ code: 'assignee_required', message: 'Set an assignee.' })).toEqual({ explain: 'Set an assignee.' });
  });

  it('explains a stale version in its own words', () => {
    const step = stepAfterRefusal({ code: 'conflict', message: 'row version 3 != 4' });
    expect('explain' in step && step.explain).toMatch(/changed this ticket/);
  });
});
