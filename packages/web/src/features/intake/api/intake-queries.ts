import { queryOptions } from '@tanstack/react-query';
import type { BodyZone } from '../../../components/body-chart/body-zones.tsx';
import { api } from '../../../lib/api/api-client.ts';
import { intakeApi, readPortalCsrfToken, type IntakeTarget } from './intake-api.ts';

/** The intake feature's reads (keys start with 'intake'). Answers are written by the progressive save. */

const targetKey = (target: IntakeTarget) => (target.kind === 'patient' ? ['patient', target.reference, target.token] : [target.kind, target.appointmentId]);

/** The portal session's CSRF token (null: signed out), for the intake opened from the portal. */
export const portalCsrfQuery = queryOptions({ queryKey: ['intake', 'portal-session'] as const, queryFn: readPortalCsrfToken, staleTime: 60_000 });

/**
 * The questionnaire, the saved answers and the consent of one booking. The form copies them once
 * and then owns them (saving as the person types), so this is read once per visit to the page:
 * never refetched in the background, forgotten when the page closes.
 */
export const intakeViewQuery = (target: IntakeTarget) =>
  queryOptions({ queryKey: ['intake', 'view', ...targetKey(target)] as const, queryFn: () => intakeApi.view(target), staleTime: Infinity, gcTime: 0 });

/** The body zones (public reference data) for the pain-chart questions; they change only with a release. */
export const bodyZonesQuery = queryOptions({
  queryKey: ['intake', 'body-zones'] as const,
  queryFn: () => api<BodyZone[]>('/api/body-zones'),
  staleTime: Infinity,
});
