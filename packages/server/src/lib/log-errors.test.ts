import { describe, expect, it } from 'vitest';
import { serializeError } from './log-errors.ts';

describe('serializeError', () => {
  it('keeps what finds the bug and drops the row values PostgreSQL reports', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint "patients_email_key"'), {
      code: '23505',
      constraint: 'patients_email_key',
      table: 'patients',
      detail: 'Key (email)=(layla@example.com) already exists.',
      parameters: ['Layla Ahmed', 'layla@example.com', '+971 50 123 4567'],
    });
    const logged = serializeError(new Error('booking failed', { cause: error }));
    expect(logged.cause).toMatchObject({ code: '23505', constraint: 'patients_email_key', table: 'patients', type: 'Error' });
    const text = JSON.stringify(logged);
    for (const secret of ['layla@example.com', 'Layla Ahmed', '+971 50 123 4567']) expect(text).not.toContain(secret);
  });
});
