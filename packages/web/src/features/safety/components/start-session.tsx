import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { safetyApi, type GateBlock, type Names, type PatientRecord, type SessionStarted } from '../api/safety-api.ts';
import { useSafetyLabels } from '../lib/use-safety-labels.ts';
import { useTranslation } from 'react-i18next';

const BLOCKS: readonly string[] = [
  'identity_check_required',
  'consent_required',
  'screening_required',
  'physician_clearance_required',
  'referred_by_physician',
] satisfies GateBlock[];

/** The patient's next confirmed visit: the soonest that has not ended long ago (a visit running now counts). */
export function nextVisitOf(appointments: PatientRecord['appointments'], now = Date.now()): PatientRecord['appointments'][number] | undefined {
  const earliest = now - 3 * 3_600_000;
  return appointments.filter((a) => a.status === 'confirmed' && Date.parse(a.start) >= earliest).sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0];
}

type Outcome = { kind: 'started'; session: SessionStarted } | { kind: 'refused'; code: string; message: string } | { kind: 'error'; message: string };

/**
 * Starting a session asks the server, which holds the gate (consent, screen, physician
 * clearance) and records a refusal in the audit log; the refusal is shown as it comes.
 */
export function StartSession({ appointments }: { appointments: PatientRecord['appointments'] }) {
  const { t } = useTranslation('safety');
  const { dateTime, pick } = useSafetyLabels();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const visit = nextVisitOf(appointments);
  const navigate = useNavigate();
  const [opening, setOpening] = useState(false);
  const [noteError, setNoteError] = useState('');

  const openNote = async (sessionId: string) => {
    setOpening(true);
    setNoteError('');
    try {
      const note = await safetyApi.openNote(sessionId);
      void navigate(`/staff/notes/${encodeURIComponent(note.id)}`);
    } catch (error) {
      setNoteError(`${t('session.noteFailed')} ${error instanceof ApiError ? error.message : ''}`.trim());
      setOpening(false);
    }
  };

  const start = async () => {
    if (!visit) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      setOutcome({ kind: 'started', session: await safetyApi.startSession(visit.id) });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setOutcome({ kind: 'refused', code: error.code, message: error.message });
      } else setOutcome({ kind: 'error', message: error instanceof ApiError ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  const precautionText = (p: unknown) => (typeof p === 'string' ? p : typeof p === 'object' && p !== null && 'en' in p ? pick(p as Names) : '');

  return (
    <Card as="section" className="sf-card sf-session" aria-labelledby="sf-session-title">
      <h2 id="sf-session-title">{t('session.title')}</h2>
      <p>{visit ? t('session.nextVisit', { time: `${dateTime(visit.start)} · ${pick(visit.serviceName)}` }) : t('session.noVisit')}</p>
      <Button onClick={() => void start()} busy={busy} disabled={!visit}>
        {t('session.start')}
      </Button>
      {outcome?.kind === 'refused' ? (
        <div className="sf-refusal" role="alert" data-code={outcome.code}>
          <p className="sf-refusal__title">{t('session.refused')}</p>
          {/* Translated here rather than when refused, so switching language re-translates it. */}
          <p>{BLOCKS.includes(outcome.code) ? t(`session.refusals.${outcome.code as GateBlock}`) : outcome.message}</p>
        </div>
      ) : null}
      {outcome?.kind === 'error' ? <Alert tone="error">{outcome.message}</Alert> : null}
      {outcome?.kind === 'started' ? (
        <Alert tone="success" title={outcome.session.created ? t('session.started') : t('session.resumed')}>
          {outcome.session.precautions && outcome.session.precautions.length > 0 ? (
            <>
              <p>{t('session.carriedPrecautions')}</p>
              <ul>
                {outcome.session.precautions.map((p, i) => (
                  <li key={i}>{precautionText(p)}</li>
                ))}
              </ul>
            </>
          ) : null}
          <div className="sf-session__next">
            <Button variant="secondary" busy={opening} onClick={() => void openNote(outcome.session.id)}>
              {t('session.openNote')}
            </Button>
          </div>
          {noteError ? <p role="alert">{noteError}</p> : null}
        </Alert>
      ) : null}
    </Card>
  );
}
