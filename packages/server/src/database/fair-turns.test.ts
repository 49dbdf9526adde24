import { describe, expect, it } from 'vitest';
import { fairTurns } from './fair-turns.ts';

describe('fairTurns', () => {
  it('runs operations one at a time, in arrival order, and lets the event loop in between them', async () => {
    const inTurn = fairTurns();
    const events: string[] = [];
    let running = 0;
    const operation = (name: string) => async () => {
      running++;
      expect(running).toBe(1);
      events.push(`${name} starts`);
      // What a socket read would be: ready before the next operation, which is already queued.
      if (name === 'a') setImmediate(() => events.push('socket read'));
      await Promise.resolve();
      events.push(`${name} ends`);
      running--;
      return name;
    };
    const results = await Promise.all([inTurn(operation('a')), inTurn(operation('b')), inTurn(operation('c'))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['a starts', 'a ends', 'socket read', 'b starts', 'b ends', 'c starts', 'c ends']);
  });

  it('goes on after an operation fails, and hands the failure to its caller only', async () => {
    const inTurn = fairTurns();
    const failed = inTurn(() => Promise.reject(new Error('boom')));
    const next = inTurn(() => Promise.resolve('next'));
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
  });
});
