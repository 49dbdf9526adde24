import { Validator } from '@seriousme/openapi-schema-validator';

/**
 * Checks a document against the OpenAPI specification's own JSON Schema
 * (@seriousme/openapi-schema-validator, which is tested on the APIs.guru collection), then
 * resolves every $ref so a reference to a missing schema fails too. Returns the problems, if any.
 */
export async function validateOpenApiDocument(document: unknown): Promise<string[]> {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(document) as Parameters<Validator['validate']>[0]);
  if (!result.valid) return [result.errors ?? 'invalid'].flat().map((e) => (typeof e === 'string' ? e : `${e.instancePath} ${e.message ?? ''}`));
  try {
    validator.resolveRefs();
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
  return [];
}
