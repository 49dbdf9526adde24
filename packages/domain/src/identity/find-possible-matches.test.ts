import { describe, expect, it } from 'vitest';
import { findPossibleMatches, normalisePhone, type IdentityFields } from './find-possible-matches.ts';

const booking: IdentityFields = { id: 'new', name: 'Khalid  Omar', email: 'Khalid@Example.com', phone: '+971 50 123 4567', dateOfBirth: null };

describe('findPossibleMatches', () => {
  it('ranks a same name and email as strong, and a shared email alone (a family member) as weak', () => {
    const matches = findPossibleMatches(booking, [
      { id: 'sister', name: 'Mona Omar', email: 'khalid@example.com', phone: null, dateOfBirth: null },
      { id: 'same', name: 'khalid omar', email: 'khalid@example.com', phone: null, dateOfBirth: '1980-02-03' },
    ]);
    expect(matches).toEqual([
      { patientId: 'same', reasons: ['email', 'name'], strength: 'strong' },
      { patientId: 'sister', reasons: ['email'], strength: 'weak' },
    ]);
  });

  it('matches a phone written in local or international form', () => {
    expect(normalisePhone('050 123 4567')).toBe(normalisePhone('+971501234567'));
    const [match] = findPossibleMatches(booking, [{ id: 'p', name: 'Khalid Omar', email: 'other@example.com', phone: '0501234567', dateOfBirth: null }]);
    expect(match).toEqual({ patientId: 'p', reasons: ['phone', 'name'], strength: 'strong' });
  });

  it('ignores a same-named stranger with no shared contact, and the record itself', () => {
    expect(
      findPossibleMatches(booking, [
        { id: 'stranger', name: 'Khalid Omar', email: 'k.omar@example.org', phone: '0559999999', dateOfBirth: null },
        { ...booking },
      ]),
    ).toEqual([]);
  });

  it('counts a matching date of birth', () => {
    const [match] = findPossibleMatches({ ...booking, dateOfBirth: '1980-02-03' }, [
      { id: 'p', name: 'K. Omar', email: 'khalid@example.com', phone: null, dateOfBirth: '1980-02-03' },
    ]);
    expect(match).toEqual({ patientId: 'p', reasons: ['email', 'date_of_birth'], strength: 'strong' });
  });
});
