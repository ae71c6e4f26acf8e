// The mock's own read models (filtering, ordering, composing record views) against what the
// store answered over the same fixture state: if the mock drifts from the store, this fails.
import { describe, expect, it } from 'vitest';
import { fixtures } from './fixtures';
import { MockBackend } from './mockBackend';

const recorded = fixtures.recorded();

describe('the mock backend on the generated fixtures', () => {
  it('answers ticket_get and problem_get as the store did', () => {
    const backend = new MockBackend();
    for (const detail of fixtures.tickets()) expect(backend.handle('ticket_get', { key: detail.ticket.key })).toEqual(detail);
    for (const detail of fixtures.problems()) expect(backend.handle('problem_get', { key: detail.problem.key })).toEqual(detail);
  });

  it.each(recorded.boards.map((r, i) => [i, r] as const))('answers board filter %i as the store did', (_, { filter, board }) => {
    expect(new MockBackend().handle('board', { filter })).toEqual(board);
  });

  it.each(recorded.lists.map((r, i) => [i, r] as const))('answers tickets_list filter %i as the store did', (_, { filter, offset, limit, page }) => {
    expect(new MockBackend().handle('tickets_list', { filter, offset, limit })).toEqual(page);
  });

  it('answers problems_list as the store did', () => {
    for (const { text, knownErrorsOnly, problems } of recorded.problem_lists) {
      const args = { knownErrorsOnly, ...(text === null ? {} : { text }) };
      expect(new MockBackend().handle('problems_list', args)).toEqual(problems);
    }
  });

  it("refuses with the store's recorded refusal and message templates", () => {
    const backend = new MockBackend();
    const [blankTitle] = fixtures.rules.refusals;
    expect(() => backend.handle(blankTitle.command, blankTitle.args)).toThrow(expect.objectContaining(blankTitle.error));
    expect(() => backend.handle('ticket_get', { key: 'INC-999999' })).toThrow(
      expect.objectContaining({ code: 'not_found', message: fixtures.rules.messages.ticket_not_found.message.replace('{key}', 'INC-999999') }),
    );
  });
});
