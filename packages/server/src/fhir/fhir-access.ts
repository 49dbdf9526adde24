import { can, type Action } from '@myomap/domain/access/permissions';
import type { Actor } from '../lib/audit.ts';

/**
 * Who is reading through the FHIR API, and what they may read: the seam where SMART on FHIR
 * scopes plug in later (docs/ARCHITECTURE.md, "FHIR R4"). Today it comes from the staff session:
 * a type is readable when the role may take the type's action in the one permission table. A
 * SMART access token would build the same object from its scopes (`user/Observation.read` →
 * that type; `patient/*.read` → every type, with `patientId` set to the launch patient, so every
 * search and read is confined to that patient's compartment).
 */
export interface FhirAccess {
  actor: Actor;
  mayRead(action: Action): boolean;
  /** When set, only this patient's compartment (and the shared directory) may be read. */
  patientId?: string;
}

export function staffFhirAccess(actor: Actor): FhirAccess {
  return { actor, mayRead: (action) => can(actor.role, action) };
}
