import { Type, type StringOptions } from '@sinclair/typebox';

/**
 * Text a person must actually write: a name, a signature's typed name, an addendum. `minLength`
 * alone admits "   ", which the stores trim to nothing and the database then refuses (a 500);
 * requiring one non-space character makes it a 400 at the schema, on every route that uses it.
 */
export function NonBlankText(options: StringOptions & { maxLength: number }) {
  return Type.String({ minLength: 1, ...options, pattern: '\\S', description: options.description ?? 'text with at least one non-space character' });
}
