import { Type, type Static } from '@sinclair/typebox';

/** Public contract: `{ status: 'ok', database: 'pglite' | 'postgres' }`. */
export const HealthOut = Type.Object({ status: Type.Literal('ok'), database: Type.String() });
export type HealthOut = Static<typeof HealthOut>;
