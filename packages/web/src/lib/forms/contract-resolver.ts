import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { FieldError, FieldErrors, FieldValues, Path, Resolver } from 'react-hook-form';

/**
 * What went wrong with a field, as a code the form translates (the schema's own messages are
 * English and worded for developers). `invalid` covers pattern, format and enum mistakes
 * (`email` the email format's).
 */
export type FieldProblem = 'required' | 'tooShort' | 'tooLong' | 'email' | 'invalid';

export interface ContractResolverOptions<TForm extends FieldValues, TBody> {
  /** The request body the form will send, from what the person typed (trimmed, empty → absent). */
  toBody(values: TForm): TBody;
  /**
   * Which form field shows a mistake found at a body path (`/patient/name` → `name`). A mistake at
   * a path not listed is not the person's to fix (an id the page supplies) and is ignored here;
   * the server still refuses it.
   */
  fields: Partial<Record<string, Path<TForm>>>;
  /** Rules a schema cannot say, across fields (a date range); first mistake per field wins. */
  check?(values: TForm): Partial<Record<string, FieldProblem>>;
}

// TypeBox's Value checks formats only through its registry. These are the rules Fastify's Ajv
// applies on the server (ajv-formats "full" mode), so the page and the server agree.
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The email rule the server applies (`format: 'email'`), for a form whose schema is not in the contract yet. */
export const isEmail = (value: string): boolean => EMAIL.test(value);
if (!FormatRegistry.Has('email')) FormatRegistry.Set('email', isEmail);
if (!FormatRegistry.Has('date'))
  FormatRegistry.Set('date', (value) => {
    const match = DATE.exec(value);
    if (!match) return false;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  });

function problemOf(error: { schema: TSchema; value: unknown; message: string }): FieldProblem {
  const { schema, value } = error;
  if (value === undefined) return 'required';
  if (typeof value === 'string') {
    if (typeof schema['maxLength'] === 'number' && value.length > schema['maxLength']) return 'tooLong';
    if (value.trim() === '') return 'required';
    if (typeof schema['minLength'] === 'number' && value.length < schema['minLength']) return 'tooShort';
    if (schema['format'] === 'email') return 'email';
  }
  return 'invalid';
}

/**
 * The mistakes the contract's schema finds in a value, by form field (first per field). For a form
 * that sends one of several bodies, or checks one part of its body against a shared schema.
 */
export function contractProblems(schema: TSchema, value: unknown, fields: Partial<Record<string, string>>): Partial<Record<string, FieldProblem>> {
  const found: Partial<Record<string, FieldProblem>> = {};
  for (const error of Value.Errors(schema, value)) {
    const field = fields[error.path];
    if (field) found[field] ??= problemOf(error);
  }
  return found;
}

/**
 * A react-hook-form resolver that validates the request body with the contract's own schema, so
 * a form cannot drift from what the server accepts. Submit handlers receive the body. `schema`
 * is null only for a body whose schema has not moved into the contract yet: then `check` holds
 * the form's minimal rules until it does.
 * (@hookform/resolvers' TypeBox resolver targets `typebox` 1.x, not our `@sinclair/typebox` 0.34,
 * and its compiled checker needs `eval`, which our CSP refuses; `Value.Errors` interprets.)
 */
export function contractResolver<TForm extends FieldValues, TBody>(
  schema: TSchema | null,
  options: ContractResolverOptions<TForm, TBody>,
): Resolver<TForm, unknown, TBody> {
  return (values) => {
    const body = options.toBody(values);
    const found: Partial<Record<string, FieldError>> = {};
    const note = (field: string, problem: FieldProblem) => {
      found[field] ??= { type: problem, message: problem };
    };
    for (const [field, problem] of Object.entries(options.check?.(values) ?? {})) if (problem) note(field, problem);
    if (schema) for (const [field, problem] of Object.entries(contractProblems(schema, body, options.fields))) if (problem) note(field, problem);
    if (Object.keys(found).length > 0) return { values: {}, errors: nested(found) as FieldErrors<TForm> };
    return { values: body, errors: {} };
  };
}

/**
 * react-hook-form reads a nested field's error at its path (`errors.name.en` for a field
 * registered as `name.en`), so a dotted field name becomes nested objects here.
 */
function nested(found: Partial<Record<string, FieldError>>): Record<string, unknown> {
  const errors: Record<string, unknown> = {};
  for (const [field, error] of Object.entries(found)) {
    const keys = field.split('.');
    const last = keys.pop() ?? field;
    let node = errors;
    for (const key of keys) node = (node[key] ??= {}) as Record<string, unknown>;
    node[last] = error;
  }
  return errors;
}

/** `required` for each named field that holds no text: a form's minimal rule while its schema is not in the contract. */
export function requireText<TForm extends FieldValues>(values: TForm, names: readonly (keyof TForm & string)[]): Partial<Record<string, FieldProblem>> {
  const found: Partial<Record<string, FieldProblem>> = {};
  for (const name of names) {
    const value: unknown = values[name];
    if (typeof value !== 'string' || value.trim() === '') found[name] = 'required';
  }
  return found;
}
