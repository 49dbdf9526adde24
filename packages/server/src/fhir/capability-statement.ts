import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import { FHIR_CREATE_ACTIONS } from './fhir-access.ts';
import { FHIR_RESOURCES, searchParamsOf } from './fhir-resources.ts';

/**
 * GET /fhir/R4/metadata, generated from the same table the routes are (fhir-resources.ts): a
 * type, interaction or search parameter the server does not serve cannot appear here.
 */
export function buildCapabilityStatement(baseUrl: string, software: { version: string; releaseDate: string }): CapabilityStatement {
  const resource: CapabilityStatementRestResource[] = FHIR_RESOURCES.map((spec) => ({
    type: spec.type,
    interaction: [
      ...(spec.read ? [{ code: 'read' as const }] : []),
      { code: 'search-type' as const },
      // An inbound referral (receive-service-request.ts): POST /ServiceRequest, once per identifier.
      ...(spec.type in FHIR_CREATE_ACTIONS
        ? [
            {
              code: 'create' as const,
              documentation: 'An inbound referral: a contained Patient and requesting Practitioner; the same identifier again creates nothing',
            },
          ]
        : []),
    ],
    readHistory: false,
    updateCreate: false,
    searchParam: searchParamsOf(spec)
      .filter((p) => !p.name.startsWith('_'))
      .map((p) => ({ name: p.name, type: p.type, documentation: p.documentation })),
    ...(spec.type === 'Patient' ? { operation: [{ name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' }] } : {}),
  }));
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: software.releaseDate,
    publisher: 'Myomap',
    kind: 'instance',
    software: { name: 'Myomap', version: software.version },
    implementation: { description: 'Myomap FHIR R4 API (read and search; inbound ServiceRequest)', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation: 'Staff session (cookie) today; SMART on FHIR scopes are planned (docs/fhir.md). Strict search: an unknown parameter is a 400.',
        security: { cors: false, description: 'Each type needs the permission of the staff route that reads the same data; every read is audited.' },
        resource,
        interaction: [{ code: 'transaction', documentation: 'Import only: POST $import with a Bundle of Patients and Appointments (admin).' }],
        searchParam: [
          { name: '_id', type: 'token' },
          { name: '_count', type: 'number' },
          { name: '_offset', type: 'number' },
        ],
      },
    ],
  };
}
