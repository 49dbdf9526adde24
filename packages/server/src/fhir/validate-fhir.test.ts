import { describe, expect, it } from 'vitest';
import { fhirErrors } from './validate-fhir.ts';

/** The validator the FHIR tests lean on finds real errors, so a clean result means something. */
describe('the FHIR R4 validator', () => {
  it('accepts a valid Patient', () => {
    expect(fhirErrors({ resourceType: 'Patient', id: 'p1', name: [{ text: 'Rana Aziz' }], gender: 'female', birthDate: '1990-02-03' })).toEqual([]);
  });

  it('refuses an unknown element, a wrong type and a missing required element', () => {
    expect(fhirErrors({ resourceType: 'Patient', id: 'p1', nickname: 'R' }).map((p) => p.where)).toContain('Patient.nickname');
    expect(fhirErrors({ resourceType: 'Patient', id: 'p1', birthDate: 19900203 }).length).toBeGreaterThan(0);
    expect(
      fhirErrors({ resourceType: 'Observation', id: 'o1', code: { text: 'pain' } })
        .map((p) => p.where)
        .join(' '),
    ).toContain('status');
  });
});
