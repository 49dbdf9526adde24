import type {
  AcceptInboundIn,
  ProviderIn,
  ProviderOut,
  PublicReferralIn,
  ReferralIn,
  ReferralOut,
  ReferralSummaryOut,
  ResultIn,
  ResultReviewedOut,
  ResultReviewIn,
  SendIn,
  TrackIn,
} from '@myomap/contract/referrals/referrals.schemas';
import type { PractitionerOut, ServiceOut } from '@myomap/contract/catalog/catalog.schemas';
import type { InboundMatchesOut } from '@myomap/contract/referrals/referrals.schemas';
import type { Static } from '@sinclair/typebox';
import { api } from '../../../lib/api/api-client.ts';

export type InboundMatch = Static<typeof InboundMatchesOut>[number];

/** The referral routes (packages/server/src/routes/referrals); types from the contract. */

export type { AcceptInboundIn, ProviderIn, ProviderOut, PublicReferralIn, ReferralIn, ReferralOut, ReferralSummaryOut, ResultIn, ResultReviewIn, TrackIn };
export type ReferralStatus = ReferralOut['status'];
export type ReferralUrgency = ReferralOut['urgency'];
export type ProviderKind = ProviderOut['kind'];

const id = encodeURIComponent;
const post = <T>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body: body ?? {} });

export const referralsApi = {
  providers: (query: { q?: string; kind?: string; includeInactive?: boolean }) => {
    const params = new URLSearchParams();
    if (query.q) params.set('q', query.q);
    if (query.kind) params.set('kind', query.kind);
    if (query.includeInactive) params.set('includeInactive', 'true');
    return api<ProviderOut[]>(`/api/staff/referral-providers?${params.toString()}`);
  },
  createProvider: (body: ProviderIn) => post<ProviderOut>('/api/staff/referral-providers', body),
  updateProvider: (providerId: string, body: ProviderIn) => api<ProviderOut>(`/api/staff/referral-providers/${id(providerId)}`, { method: 'PUT', body }),
  worklist: (direction: 'out' | 'in') => api<ReferralSummaryOut[]>(`/api/staff/referrals?direction=${direction}`),
  referral: (referralId: string) => api<ReferralOut>(`/api/staff/referrals/${id(referralId)}`),
  draft: (body: ReferralIn) => post<ReferralOut>('/api/staff/referrals', body),
  sign: (referralId: string) => post<ReferralOut>(`/api/staff/referrals/${id(referralId)}/sign`),
  send: (referralId: string, body: SendIn) => post<ReferralOut>(`/api/staff/referrals/${id(referralId)}/send`, body),
  track: (referralId: string, body: TrackIn) => post<ReferralOut>(`/api/staff/referrals/${id(referralId)}/track`, body),
  result: (referralId: string, body: ResultIn) => post<ReferralOut>(`/api/staff/referrals/${id(referralId)}/result`, body),
  /** The result's report: one PDF, multipart (the server checks it is a PDF and at most 8 MB). */
  uploadReport: (referralId: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api<ReferralOut>(`/api/staff/referrals/${id(referralId)}/result/report`, { method: 'POST', body: form });
  },
  review: (referralId: string, body: ResultReviewIn) => post<ResultReviewedOut>(`/api/staff/referrals/${id(referralId)}/result/review`, body),
  accept: (referralId: string, body: AcceptInboundIn) => post<ReferralOut>(`/api/staff/referrals/${id(referralId)}/accept`, body),
  decline: (referralId: string, note: string) => post<ReferralOut>(`/api/staff/referrals/${id(referralId)}/decline`, { note }),
  submitPublic: (body: PublicReferralIn) => post<{ received: true }>('/api/referrals/inbound', body),
  matches: (referralId: string) => api<InboundMatch[]>(`/api/staff/referrals/${id(referralId)}/matches`),
  practitioners: () => api<PractitionerOut[]>('/api/practitioners'),
  services: () => api<ServiceOut[]>('/api/services'),
};
