import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api-client.ts';

const ClinicTimeZone = createContext<string | undefined>(undefined);

/**
 * Reads the clinic's time zone from its settings (GET /api/clinic, public) once and provides it to
 * every page. Pages render once the zone is known, so no page ever shows a time in a wrong zone.
 */
export function ClinicTimeProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  const [timeZone, setTimeZone] = useState<string>();
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    api<{ timeZone: string }>('/api/clinic').then(
      (clinic) => live && setTimeZone(clinic.timeZone),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  if (timeZone) return <ClinicTimeZone.Provider value={timeZone}>{children}</ClinicTimeZone.Provider>;
  if (!failed) return null;
  return (
    <p role="alert">
      {t('error.network')}{' '}
      <button
        type="button"
        onClick={() => {
          setFailed(false);
          setAttempt((n) => n + 1);
        }}
      >
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
