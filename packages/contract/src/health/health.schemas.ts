import { Type, type Static } from '@sinclair/typebox';

/** Public contract: `{ status: 'ok', database: 'pglite' | 'postgres' }`. Liveness: the process answers. */
export const HealthOut = Type.Object({ status: Type.Literal('ok'), database: Type.String() });
export type HealthOut = Static<typeof HealthOut>;

/** Readiness: 200 when the database answers and every migration is applied; otherwise 503 `not_ready` (ErrorOut) with the reason in details. */
export const ReadyOut = Type.Object({ status: Type.Literal('ready'), database: Type.String() });
export type ReadyOut = Static<typeof ReadyOut>;
