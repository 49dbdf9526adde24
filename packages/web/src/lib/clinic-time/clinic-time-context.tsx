import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { clinicQuery } from '../clinic/clinic-query.ts';

const ClinicTimeZone = createContext<string | undefined>(undefined);

/**
 * Reads the clinic's time zone from its settings (GET /api/clinic, public) once and provides it to
 * every page. Pages render once the zone is known, so no page ever shows a time in a wrong zone.
 */
export function ClinicTimeProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  const clinic = useQuery(clinicQuery);
  if (clinic.data) return <ClinicTimeZone.Provider value={clinic.data.timeZone}>{children}</ClinicTimeZone.Provider>;
  if (!clinic.isError) return null;
  return (
    <p role="alert">
      {t('error.network')}{' '}
      <button type="button" onClick={() => void clinic.refetch()}>
        {t('actions.retry')}
      </button>
    </p>
  );
}

/** Provides a known zone directly (tests, or a page that already has it). */
export function ClinicTimeZoneProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <ClinicTimeZone.Provider value={timeZone}>{children}</ClinicTimeZone.Provider>;
}

/** The clinic's IANA time zone, e.g. 'Asia/Dubai'. */
export function useClinicTimeZone(): string {
  const timeZone = useContext(ClinicTimeZone);
  if (!timeZone) throw new Error('useClinicTimeZone needs a ClinicTimeProvider above it');
  return timeZone;
}
