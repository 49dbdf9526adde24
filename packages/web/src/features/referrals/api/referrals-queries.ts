import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { referralsApi } from './referrals-api.ts';

/** The referrals feature's reads; every key starts with 'referrals'. */
export const providersQuery = (query: { q?: string; kind?: string; includeInactive?: boolean }) =>
  queryOptions({ queryKey: ['referrals', 'providers', query], queryFn: () => referralsApi.providers(query), placeholderData: keepPreviousData });
export const worklistQuery = (direction: 'out' | 'in') =>
  queryOptions({ queryKey: ['referrals', 'worklist', direction], queryFn: () => referralsApi.worklist(direction) });
export const referralQuery = (referralId: string) =>
  queryOptions({ queryKey: ['referrals', 'referral', referralId], queryFn: () => referralsApi.referral(referralId) });
