import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import type { ErrorReply } from '../lib/error-reply.ts';
import { OWN } from './fhir-codes.ts';

/** FHIR's issue type for each HTTP status the API sends (https://hl7.org/fhir/R4/valueset-issue-type.html). */
function issueType(status: number, code: string): OperationOutcomeIssue['code'] {
  if (code === 'validation_failed' || code === 'invalid_json' || code === 'invalid_url') return 'invalid';
  if (status === 401) return 'login';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'too-costly';
  if (status === 422) return 'business-rule';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'exception';
  return 'invalid';
}

/** An error of the FHIR API as an OperationOutcome; the error table's code rides in `details.coding`. */
export function toOperationOutcome(error: ErrorReply): OperationOutcome {
  const problems = Array.isArray(error.details) ? (error.details as { field?: unknown; problem?: unknown }[]) : [];
  const expression = problems.map((p) => (typeof p.field === 'string' ? p.field : '')).filter(Boolean);
  const diagnostics = problems.map((p) => [p.field, p.problem].filter((x) => typeof x === 'string').join(' ')).filter(Boolean);
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: error.status >= 500 ? 'fatal' : 'error',
        code: issueType(error.status, error.code),
        details: { coding: [{ system: OWN.errorCode, code: error.code }], text: error.message },
        ...(diagnostics.length > 0 ? { diagnostics: diagnostics.join('; ').slice(0, 2000) } : {}),
        ...(expression.length > 0 ? { expression } : {}),
      },
    ],
  };
}
