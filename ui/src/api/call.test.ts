import { mockIPC } from '@tauri-apps/api/mocks';
import { describe, expect, it } from 'vitest';
import { ticketTransition, ticketUpdate } from './tickets';
import { toAppError } from './types';

describe('command wrappers', () => {
  it('pass camelCase argument keys and versions as plain numbers', async () => {
    const seen: { cmd: string; args: unknown }[] = [];
    mockIPC((cmd, args) => {
      seen.push({ cmd, args });
      return {};
    });
    await ticketUpdate('INC-000001', { title: 'x' }, 7);
    await ticketTransition('INC-000001', { to: 'pending', pending_reason: 'vendor' }, 8);
    expect(seen).toEqual([
      { cmd: 'ticket_update', args: { key: 'INC-000001', patch: { title: 'x' }, expectedVersion: 7 } },
      { cmd: 'ticket_transition', args: { key: 'INC-000001', transition: { to: 'pending', pending_reason: 'vendor' }, expectedVersion: 8 } },
    ]);
  });

  it('reject with the backend AppError unchanged', async () => {
    mockIPC(() => {
      throw { code: 'invalid_transition', message: 'Only a resolved ticket can be closed.', field: 'status' };
    });
    await expect(ticketTransition('INC-1', { to: 'closed' }, 1)).rejects.toEqual({
      code: 'invalid_transition',
      message: 'Only a resolved ticket can be closed.',
      field: 'status',
    });
  });
});

describe('toAppError', () => {
  it('turns anything thrown into an AppError', () => {
    expect(toAppError('window closed')).toEqual({ code: 'internal', message: 'window closed' });
    expect(toAppError(new Error('boom'))).toEqual({ code: 'internal', message: 'boom' });
    expect(toAppError(undefined).code).toBe('internal');
  });
});
