import type { PractitionerOut } from '@myomap/contract/catalog/catalog.schemas';
import type { PatientOut } from '@myomap/contract/clinical/patients.schemas';
import type { ProtocolsOut, TechniquesOut } from '@myomap/contract/knowledge/knowledge.schemas';
import type {
  EpisodeIn,
  EpisodeOut,
  EpisodeProgressOut,
  InstrumentOut,
  MeasurementIn,
  MeasurementOut,
  OutcomeReportOut,
} from '@myomap/contract/outcomes/outcomes.schemas';
import type { Static } from '@sinclair/typebox';
import { api } from '../../../lib/api/api-client.ts';

/** The outcomes routes (packages/server/src/routes/outcomes/outcomes.routes.ts); types from the contract. */

export type { EpisodeIn, EpisodeOut, EpisodeProgressOut, InstrumentOut, MeasurementIn, MeasurementOut, OutcomeReportOut };
export type DischargeReason = NonNullable<EpisodeOut['dischargeReason']>;
export type Protocol = Static<typeof ProtocolsOut>[number];
export type Technique = Static<typeof TechniquesOut>[number];
export type Practitioner = PractitionerOut;

const id = encodeURIComponent;

/** `?from=…&to=…` for the report and its CSV. */
export function reportSearch(period: { from: string; to: string }): string {
  return new URLSearchParams({ from: period.from, to: period.to }).toString();
}

export const outcomesApi = {
  instruments: () => api<InstrumentOut[]>('/api/staff/instruments'),
  patient: (patientId: string) => api<PatientOut>(`/api/staff/patients/${id(patientId)}/contact`),
  episodes: (patientId: string) => api<EpisodeOut[]>(`/api/staff/patients/${id(patientId)}/episodes`),
  openEpisode: (patientId: string, body: EpisodeIn) => api<EpisodeOut>(`/api/staff/patients/${id(patientId)}/episodes`, { method: 'POST', body }),
  episode: (episodeId: string) => api<EpisodeProgressOut>(`/api/staff/episodes/${id(episodeId)}`),
  recordMeasurement: (episodeId: string, body: MeasurementIn) =>
    api<MeasurementOut>(`/api/staff/episodes/${id(episodeId)}/measurements`, { method: 'POST', body }),
  discharge: (episodeId: string, reason: DischargeReason) =>
    api<EpisodeOut>(`/api/staff/episodes/${id(episodeId)}/discharge`, { method: 'POST', body: { reason } }),
  report: (period: { from: string; to: string }) => api<OutcomeReportOut>(`/api/staff/reports/outcomes?${reportSearch(period)}`),
  protocols: () => api<Protocol[]>('/api/protocols'),
  techniques: () => api<Technique[]>('/api/techniques'),
  practitioners: () => api<Practitioner[]>('/api/practitioners'),
};
