import { describe, expect, it } from 'vitest';
import { countLabel } from './counts';

describe('countLabel', () => {
  it('shows a capped count with a plus', () => {
    expect(countLabel({ total: 1000, total_capped: true } as { total: number })).toBe('1000+');
    expect(countLabel({ total: 12 })).toBe('12');
    expect(countLabel({ total: 7 })).toBe('7');
  });
});
