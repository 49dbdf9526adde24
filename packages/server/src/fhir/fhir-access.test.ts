import { can } from '@myomap/domain/access/permissions';
import { describe, expect, it } from 'vitest';
import { actionForCreateScope, FHIR_CREATE_ACTIONS } from './fhir-access.ts';

describe('SMART scopes for creating', () => {
  it('maps system/ServiceRequest.c (v2) and .write (v1) to the one action the route checks', () => {
    for (const scope of [
      'system/ServiceRequest.c',
      'system/ServiceRequest.cr',
      'system/ServiceRequest.cruds',
      'user/ServiceRequest.c',
      'system/ServiceRequest.write',
    ])
      expect(actionForCreateScope(scope), scope).toBe('referral.inbound.create');
  });

  it('grants no create for read-only scopes, other types or malformed scopes', () => {
    for (const scope of [
      'system/ServiceRequest.rs',
      'system/ServiceRequest.read',
      'system/Patient.c',
      'patient/ServiceRequest.c',
      'system/ServiceRequest.dc',
      'ServiceRequest.c',
    ])
      expect(actionForCreateScope(scope), scope).toBeNull();
  });

  it('names an action of the permission table that only the inbound triage roles hold', () => {
    expect(FHIR_CREATE_ACTIONS.ServiceRequest).toBe('referral.inbound.create');
    expect(['admin', 'reception', 'therapist', 'physician'].filter((role) => can(role, 'referral.inbound.create'))).toEqual([
      'admin',
      'reception',
      'physician',
    ]);
  });
});
