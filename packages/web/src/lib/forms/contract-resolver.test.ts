import { PatientIn } from '@myomap/contract/bookings/bookings.schemas';
import { describe, expect, it } from 'vitest';
import { contractProblems, contractResolver, requireText } from './contract-resolver.ts';

interface Draft {
  name: string;
  email: string;
  phone: string;
}

const toBody = (d: Draft) => ({ name: d.name.trim(), email: d.email.trim(), ...(d.phone.trim() ? { phone: d.phone.trim() } : {}) });
const fields = { '/name': 'name', '/email': 'email', '/phone': 'phone' } as const;
const resolve = (draft: Draft, check?: (d: Draft) => Partial<Record<string, 'invalid'>>) =>
  contractResolver<Draft, ReturnType<typeof toBody>>(PatientIn, { toBody, fields, ...(check ? { check } : {}) })(draft, undefined, {
    fields: {},
    shouldUseNativeValidation: false,
  });

describe('contractResolver', () => {
  it('passes the body on when the contract accepts it', async () => {
    expect(await resolve({ name: ' Layla ', email: 'layla@example.com ', phone: '' })).toEqual({
      values: { name: 'Layla', email: 'layla@example.com' },
      errors: {},
    });
  });

  it('names each field at fault with a code the form translates', async () => {
    const { errors } = await resolve({ name: '   ', email: 'layla@', phone: '12' });
    expect(errors).toEqual({
      name: { type: 'required', message: 'required' },
      email: { type: 'email', message: 'email' },
      phone: { type: 'tooShort', message: 'tooShort' },
    });
  });

  it('applies the email rule the server applies', () => {
    expect(contractProblems(PatientIn, { name: 'L', email: 'a b@example.com' }, fields)).toEqual({ email: 'email' });
    expect(contractProblems(PatientIn, { name: 'L', email: 'a.b+c@mail.example.ae' }, fields)).toEqual({});
  });

  it("puts a form's own rule first", async () => {
    const { errors } = await resolve({ name: '', email: 'x@example.com', phone: '' }, () => ({ name: 'invalid' }));
    expect(errors).toEqual({ name: { type: 'invalid', message: 'invalid' } });
  });

  it('nests the error of a field registered at a dotted path, as react-hook-form reads it', async () => {
    const { errors } = await contractResolver<{ name: { en: string; ar: string } }, unknown>(null, {
      toBody: (d) => d,
      fields: {},
      check: (d) => (d.name.ar.trim() ? {} : { 'name.ar': 'required' }),
    })({ name: { en: 'Room 1', ar: ' ' } }, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(errors).toEqual({ name: { ar: { type: 'required', message: 'required' } } });
  });

  it('requireText flags blank text only', () => {
    expect(requireText({ a: ' ', b: 'x', c: '' }, ['a', 'b', 'c'])).toEqual({ a: 'required', c: 'required' });
  });
});
