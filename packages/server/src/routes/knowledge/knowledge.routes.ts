import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { knowledgeBase } from '@myomap/domain/knowledge/knowledge-base';
import { rankSourceMuscles, searchMuscles, UnknownMuscleError, UnknownZoneError } from '@myomap/domain/clinical/rank-source-muscles';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { AppError } from '../../lib/app-error.ts';
import { PUBLIC } from '../../lib/route-access.ts';

const Side = Type.Union([Type.Literal('left'), Type.Literal('right')]);
const Names = Type.Object({ en: Type.String(), ar: Type.String() });

/**
 * Clinical knowledge: body zones, the trigger-point source finder, muscle search, protocols and
 * techniques. Reference data with no patient in it, so these routes are open like the contract says.
 */
export const knowledgeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/body-zones',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['clinical'],
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              side: Type.Boolean(),
              label: Names,
              midline: Type.Boolean(),
              views: Type.Array(Type.String()),
              region: Type.String(),
              /** Vocabulary v2+: the version-1 zone this one refines, and the version that added it. */
              refines: Type.Optional(Type.String()),
              sinceVersion: Type.Optional(Type.Integer()),
            }),
          ),
        },
      },
    },
    async () =>
      knowledgeBase.bodyZones.map((z) => ({
        id: z.id,
        side: !z.midline,
        label: z.label,
        midline: z.midline,
        views: z.views,
        region: z.region,
        ...(z.refines ? { refines: z.refines, sinceVersion: z.sinceVersion ?? 2 } : {}),
      })),
  );

  app.post(
    '/source-finder',
    {
      config: { access: PUBLIC },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        tags: ['clinical'],
        body: Type.Object(
          {
            zones: Type.Array(
              Type.Object({ zone: Type.String({ minLength: 1, maxLength: 60 }), side: Type.Optional(Side), intensity: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })) }, { additionalProperties: false }),
              { maxItems: 120 },
            ),
            palpatedTriggerPoints: Type.Optional(
              Type.Array(
                Type.Object(
                  {
                    muscleId: Type.String({ minLength: 1, maxLength: 60 }),
                    side: Type.Optional(Side),
                    activity: Type.Union([Type.Literal('active'), Type.Literal('latent')]),
                    reproducesFamiliarPain: Type.Optional(Type.Boolean()),
                  },
                  { additionalProperties: false },
                ),
                { maxItems: 100 },
              ),
            ),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            candidates: Type.Array(
              Type.Object({
                muscleId: Type.String(),
                name: Type.String(),
                names: Names,
                side: Type.Optional(Side),
                score: Type.Number(),
                matchedZones: Type.Array(Type.Object({ zone: Type.String(), side: Type.Optional(Side), relation: Type.String() })),
                why: Type.String(),
                whyAr: Type.Optional(Type.String()),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      try {
        const candidates = rankSourceMuscles(request.body);
        return {
          candidates: candidates.map(({ name, why_ar, ...rest }) => ({ ...rest, name: name.en, names: name, ...(why_ar ? { whyAr: why_ar } : {}) })),
        };
      } catch (error) {
        if (error instanceof UnknownZoneError) throw new AppError('unknown_zone', error.message, { zones: error.zones });
        if (error instanceof UnknownMuscleError) throw new AppError('validation_failed', error.message, { muscleIds: error.muscleIds });
        throw error;
      }
    },
  );

  app.get(
    '/muscles',
    { config: { access: PUBLIC }, schema: { tags: ['clinical'], querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }) } },
    async (request) => {
      const q = request.query.q?.trim() ?? '';
      const muscles = q ? searchMuscles(q) : knowledgeBase.muscles;
      return muscles.map((m) => ({ id: m.id, name: m.name, aliases: m.aliases, region: m.region }));
    },
  );

  app.get(
    '/muscles/:id',
    { config: { access: PUBLIC }, schema: { tags: ['clinical'], params: Type.Object({ id: Type.String({ maxLength: 60 }) }) } },
    async (request) => {
      const muscle = knowledgeBase.muscles.find((m) => m.id === request.params.id);
      if (!muscle) throw new AppError('not_found', 'No such muscle.');
      return muscle;
    },
  );

  app.get('/protocols', { config: { access: PUBLIC }, schema: { tags: ['clinical'] } }, async () => knowledgeBase.protocols);
  app.get('/techniques', { config: { access: PUBLIC }, schema: { tags: ['clinical'] } }, async () => knowledgeBase.techniques);
  app.get('/self-care', { config: { access: PUBLIC }, schema: { tags: ['clinical'] } }, async () => knowledgeBase.selfCare);
};
