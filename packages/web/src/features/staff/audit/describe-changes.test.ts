import { describe, expect, it } from 'vitest';
import { describeChanges } from './describe-changes.ts';

describe('describeChanges', () => {
  it('lists only the fields an update changed, old and new', () => {
    const before = { id: 'p1', name: 'Rana Aziz', phone: '0501234567', email: 'rana@example.com' };
    const after = { ...before, phone: '0559876543' };
    expect(describeChanges(before, after)).toEqual([
      { field: 'phone', before: { kind: 'text', text: '0501234567' }, after: { kind: 'text', text: '0559876543' } },
    ]);
  });

  it('shows a created record by its filled-in fields, never its ids', () => {
    expect(describeChanges(null, { id: 'e1', patientId: 'p1', region: 'neck', endedOn: null, startedOn: '2026-03-02', goals: ['a', 'b'] })).toEqual([
      { field: 'region', after: { kind: 'text', text: 'neck' } },
      { field: 'startedOn', after: { kind: 'day', date: '2026-03-02' } },
      { field: 'goals', after: { kind: 'items', count: 2 } },
    ]);
  });

  it('names a nested section as changed rather than printing it', () => {
    const changes = describeChanges({ subjective: { pain: 6 }, plan: 'weekly' }, { subjective: { pain: 3 }, plan: 'weekly' });
    expect(changes).toEqual([{ field: 'subjective', before: { kind: 'details' }, after: { kind: 'details' } }]);
  });

  it('tells instants, numbers, booleans and empties apart, and a field that was emptied', () => {
    expect(describeChanges({ note: 'x', at: '2026-03-02T06:42:00.000Z' }, { note: null, at: '2026-03-02T07:00:00Z', score: 4, active: false })).toEqual([
      { field: 'note', before: { kind: 'text', text: 'x' }, after: { kind: 'empty' } },
      { field: 'at', before: { kind: 'instant', iso: '2026-03-02T06:42:00.000Z' }, after: { kind: 'instant', iso: '2026-03-02T07:00:00Z' } },
      { field: 'score', before: { kind: 'empty' }, after: { kind: 'number', value: 4 } },
      { field: 'active', before: { kind: 'empty' }, after: { kind: 'boolean', value: false } },
    ]);
  });

  it('has nothing to list for rows without a record', () => {
    expect(describeChanges(null, null)).toEqual([]);
    expect(describeChanges(undefined, [1, 2])).toEqual([]);
  });
});
