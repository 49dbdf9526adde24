import type { PractitionerProfileIn } from '@myomap/contract/education/education.schemas';
import { api } from '../../../lib/api/api-client.ts';

/** A practitioner's public profile on the team page (qualifications, languages): the admin edits it. */
export type PractitionerProfile = PractitionerProfileIn & { id: string };

const path = (id: string) => `/api/staff/practitioners/${encodeURIComponent(id)}/profile`;

export const practitionerProfileApi = {
  profile: (id: string) => api<PractitionerProfile>(path(id)),
  save: (id: string, body: PractitionerProfileIn) => api<PractitionerProfile>(path(id), { method: 'PUT', body }),
};
