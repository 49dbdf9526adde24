import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { safetyApi, type GateBlock, type Names, type PatientRecord } from '../api/safety-api.ts';
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

/**
 * Starting a session asks the server, which holds the gate (consent, screen, physician
 * clearance) and records a refusal in the audit log; the refusal is shown as it comes.
 */
export function StartSession({ appointments }: { appointments: PatientRecord['appointments'] }) {
  const { t } = useTranslation('safety');
  const { dateTime, pick } = useSafetyLabels();
  const errorText = useErrorText();
  const visit = nextVisitOf(appointments);
  const navigate = useNavigate();
  const starting = useMutation({ mutationFn: (appointmentId: string) => safetyApi.startSession(appointmentId) });
  const opening = useMutation({
    mutationFn: (sessionId: string) => safetyApi.openNote(sessionId),
    onSuccess: (note) => void navigate(`/staff/notes/${encodeURIComponent(note.id)}`),
  });
  // The gate's refusals (409) have their own sentences; anything else is the code's text.
  const refusal = starting.error instanceof ApiError && starting.error.status === 409 ? starting.error.code : undefined;
  const session = starting.data;

  const start = () => {
    if (!visit) return;
    opening.reset();
    starting.mutate(visit.id);
  };

  const precautionText = (p: unknown) => (typeof p === 'string' ? p : typeof p === 'object' && p !== null && 'en' in p ? pick(p as Names) : '');

  return (
    <Card as="section" className="sf-card sf-session" aria-labelledby="sf-session-title">
      <h2 id="sf-session-title">{t('session.title')}</h2>
      <p>{visit ? t('session.nextVisit', { time: `${dateTime(visit.start)} · ${pick(visit.serviceName)}` }) : t('session.noVisit')}</p>
      <Button onClick={start} busy={starting.isPending} disabled={!visit}>
        {t('session.start')}
      </Button>
      {refusal ? (
        <div className="sf-refusal" role="alert" data-code={refusal}>
          <p className="sf-refusal__title">{t('session.refused')}</p>
          {/* Translated as it renders, so switching language re-translates it. */}
          <p>{BLOCKS.includes(refusal) ? t(`session.refusals.${refusal as GateBlock}`) : errorText(starting.error)}</p>
        </div>
      ) : null}
      {starting.isError && !refusal ? <Alert tone="error">{errorText(starting.error)}</Alert> : null}
      {session ? (
        <Alert tone="success" title={session.created ? t('session.started') : t('session.resumed')}>
          {session.precautions && session.precautions.length > 0 ? (
            <>
              <p>{t('session.carriedPrecautions')}</p>
              <ul>
                {session.precautions.map((p, i) => (
                  <li key={i}>{precautionText(p)}</li>
                ))}
              </ul>
            </>
          ) : null}
          <div className="sf-session__next">
            <Button variant="secondary" busy={opening.isPending || opening.isSuccess} onClick={() => opening.mutate(session.id)}>
              {t('session.openNote')}
            </Button>
          </div>
          {opening.isError ? (
            <p role="alert">
              {t('session.noteFailed')} {errorText(opening.error)}
            </p>
          ) : null}
        </Alert>
      ) : null}
    </Card>
  );
}
