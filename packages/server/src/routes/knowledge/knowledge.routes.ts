import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  BodyZonesOut,
  MuscleOut,
  MuscleParams,
  MuscleSearchQuery,
  MusclesOut,
  ProtocolsOut,
  SelfCareOut,
  SourceFinderIn,
  SourceFinderOut,
  TechniquesOut,
} from '@myomap/contract/knowledge/knowledge.schemas';
import { findSourceMuscles, findMuscle, listBodyZones, listMuscles } from '../../knowledge/read-knowledge.ts';
import { knowledgeBase } from '@myomap/domain/knowledge/knowledge-base';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { PUBLIC } from '../../lib/route-access.ts';

/**
 * Clinical knowledge: body zones, the trigger-point source finder, muscle search, protocols and
 * techniques. Reference data with no patient in it, so these routes are open like the contract says.
 */
export const knowledgeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const open = { access: PUBLIC };
  app.get(
    '/body-zones',
    {
      config: open,
      schema: { operationId: 'listBodyZones', summary: 'Body zones a patient can mark pain in', tags: ['clinical'], response: { 200: BodyZonesOut } },
    },
    async () => listBodyZones(),
  );
  app.post(
    '/source-finder',
    {
      config: open,
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'findSourceMuscles',
        summary: 'Rank the muscles whose trigger points refer pain to the marked zones',
        tags: ['clinical'],
        body: SourceFinderIn,
        response: { 200: SourceFinderOut },
      },
    },
    async (request) => findSourceMuscles(request.body),
  );
  app.get(
    '/muscles',
    {
      config: open,
      schema: {
        operationId: 'listMuscles',
        summary: 'Muscles in the knowledge base',
        tags: ['clinical'],
        querystring: MuscleSearchQuery,
        response: { 200: MusclesOut },
      },
    },
    async (request) => listMuscles(request.query.q ?? ''),
  );
  app.get(
    '/muscles/:id',
    {
      config: open,
      schema: {
        operationId: 'getMuscle',
        summary: 'One muscle with its referral zones, sources and techniques',
        tags: ['clinical'],
        params: MuscleParams,
        response: { 200: MuscleOut },
      },
    },
    async (request) => findMuscle(request.params.id),
  );
  app.get(
    '/protocols',
    {
      config: open,
      schema: { operationId: 'listProtocols', summary: 'Treatment protocols in the knowledge base', tags: ['clinical'], response: { 200: ProtocolsOut } },
    },
    async () => [...knowledgeBase.protocols],
  );
  app.get(
    '/techniques',
    {
      config: open,
      schema: { operationId: 'listTechniques', summary: 'Techniques in the knowledge base', tags: ['clinical'], response: { 200: TechniquesOut } },
    },
    async () => [...knowledgeBase.techniques],
  );
  app.get(
    '/self-care',
    {
      config: open,
      schema: { operationId: 'listSelfCare', summary: 'Self-care exercises in the knowledge base', tags: ['clinical'], response: { 200: SelfCareOut } },
    },
    async () => [...knowledgeBase.selfCare],
  );
};
