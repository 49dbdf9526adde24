import { Type, type Static, type TSchema } from '@sinclair/typebox';

/**
 * The FHIR R4 API (GET /api/fhir/R4/…, docs/fhir.md). Bodies are FHIR resources in
 * `application/fhir+json`, validated in tests against the R4 definitions; these schemas describe
 * their outer shape for the OpenAPI document (every element FHIR defines may appear).
 */
export const FHIR_MEDIA_TYPE = 'application/fhir+json';

/** FHIR's id rule: 1-64 letters, digits, '-' and '.'. */
export const FhirId = Type.String({ pattern: '^[A-Za-z0-9\\-.]{1,64}$', description: 'A FHIR resource id' });

export const FhirReadParams = Type.Object({ id: FhirId }, { additionalProperties: false });

export const FhirResourceOut = Type.Object(
  { resourceType: Type.String(), id: Type.Optional(Type.String()) },
  { additionalProperties: true, description: 'A FHIR R4 resource (https://hl7.org/fhir/R4/)' },
);

export const FhirBundleOut = Type.Object(
  {
    resourceType: Type.Literal('Bundle'),
    type: Type.String(),
    total: Type.Optional(Type.Integer({ minimum: 0 })),
    link: Type.Optional(Type.Array(Type.Object({ relation: Type.String(), url: Type.String() }))),
    entry: Type.Optional(
      Type.Array(Type.Object({ fullUrl: Type.Optional(Type.String()), resource: Type.Optional(FhirResourceOut) }, { additionalProperties: true })),
    ),
  },
  { additionalProperties: true, description: 'A FHIR R4 Bundle' },
);
export type FhirBundleOut = Static<typeof FhirBundleOut>;

/**
 * Every error of the FHIR API: an OperationOutcome whose issue carries the error table's code
 * (details.coding, our error-code system) beside FHIR's own issue type.
 */
export const OperationOutcomeOut = Type.Object(
  {
    resourceType: Type.Literal('OperationOutcome'),
    issue: Type.Array(
      Type.Object(
        {
          severity: Type.String(),
          code: Type.String(),
          details: Type.Optional(
            Type.Object({ coding: Type.Optional(Type.Array(Type.Object({ system: Type.String(), code: Type.String() }))), text: Type.Optional(Type.String()) }),
          ),
          diagnostics: Type.Optional(Type.String()),
          expression: Type.Optional(Type.Array(Type.String())),
        },
        { additionalProperties: true },
      ),
      { minItems: 1 },
    ),
  },
  { $id: 'OperationOutcome', description: 'A FHIR OperationOutcome: the error, in FHIR form' },
);

const SearchValue = Type.String({ minLength: 1, maxLength: 200 });
const Repeatable = Type.Union([SearchValue, Type.Array(SearchValue, { minItems: 1, maxItems: 4 })]);

/** A search's query string: the named parameters (and `_format`), nothing else (strict handling). */
export function fhirSearchQuery(names: readonly string[]): TSchema {
  const properties: Record<string, TSchema> = {
    _format: Type.Optional(Type.Union(['json', 'application/json', FHIR_MEDIA_TYPE].map((f) => Type.Literal(f)))),
  };
  for (const name of names) {
    if (name === '_count') properties[name] = Type.Optional(Type.Integer({ minimum: 1, maximum: 200 }));
    else if (name === '_offset') properties[name] = Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 }));
    else if (name === 'date' || name === 'start') properties[name] = Type.Optional(Repeatable);
    else properties[name] = Type.Optional(SearchValue);
  }
  return Type.Object(properties, { additionalProperties: false });
}

export const FhirFormatQuery = Type.Object(
  { _format: Type.Optional(Type.Union(['json', 'application/json', FHIR_MEDIA_TYPE].map((f) => Type.Literal(f)))) },
  { additionalProperties: false },
);

/** POST /api/fhir/R4/$import: a Bundle of Patients and Appointments from another system. */
export const FhirImportQuery = Type.Object({ _dryRun: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

export const FhirImportIn = Type.Object(
  {
    resourceType: Type.Literal('Bundle'),
    type: Type.Union([Type.Literal('transaction'), Type.Literal('batch'), Type.Literal('collection')]),
    entry: Type.Array(
      Type.Object(
        {
          fullUrl: Type.Optional(Type.String({ maxLength: 500 })),
          resource: Type.Object({ resourceType: Type.String({ maxLength: 64 }) }, { additionalProperties: true }),
        },
        { additionalProperties: true },
      ),
      { maxItems: 2000 },
    ),
  },
  { additionalProperties: true },
);
