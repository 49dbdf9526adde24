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

/**
 * What a FHIR create needs, by type, in SMART v2 scope terms: `system/ServiceRequest.c` (a backend
 * client, client-credentials grant) or `user/ServiceRequest.c` (a signed-in user) grants the one
 * action in the permission table that the route checks. A token carrying the scope would be turned
 * into that action; today the staff session's role is checked against the table directly.
 */
export const FHIR_CREATE_ACTIONS = { ServiceRequest: 'referral.inbound.create' } as const satisfies Record<string, Action>;

/**
 * The action a SMART scope grants for creating: v2 `system/ServiceRequest.c` (any of c, r, u, d, s
 * in that order, with c among them) or v1 `.write` / `.*`; null when it grants no create we take.
 */
export function actionForCreateScope(scope: string): Action | null {
  const match = /^(?:system|user)\/([A-Za-z]+)\.(c?r?u?d?s?|write|\*)$/.exec(scope);
  const [, type = '', rights = ''] = match ?? [];
  const creates = rights === 'write' || rights === '*' || rights.startsWith('c');
  return creates && Object.hasOwn(FHIR_CREATE_ACTIONS, type) ? FHIR_CREATE_ACTIONS[type as keyof typeof FHIR_CREATE_ACTIONS] : null;
}
