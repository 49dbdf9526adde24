import type { ProviderKind } from './api/referrals-api.ts';

/** The directory's kinds, in the order the pages list them (the contract's list). */
export const PROVIDER_KINDS: readonly ProviderKind[] = [
  'neurology',
  'ncs_emg_lab',
  'genetics',
  'occupational_therapy',
  'imaging',
  'gp',
  'orthopaedics',
  'rheumatology',
  'emergency',
];
