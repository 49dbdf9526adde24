import { Type, type Static } from '@sinclair/typebox';

/** Public contract: `{ status: 'ok', database: 'pglite' | 'postgres' }`. Liveness: the process answers. */
export const HealthOut = Type.Object({ status: Type.Literal('ok'), database: Type.String() });
export type HealthOut = Static<typeof HealthOut>;

/** Readiness: 200 when the database answers and every migration is applied, 503 with the reason otherwise. */
export const ReadyOut = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready')]),
  database: Type.String(),
  reason: Type.Optional(Type.String()),
});
export type ReadyOut = Static<typeof ReadyOut>;
