import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { referralsApi, type ReferralOut, type ResultReviewIn } from '../api/referrals-api.ts';
import { providersQuery } from '../api/referrals-queries.ts';
import { TextArea } from './text-area.tsx';

/**
 * The next steps of an outbound referral that the signed-in user may take (the server's `nextSteps`,
 * from the permission table): sign, send or print, acknowledgement, appointment, result, review, cancel.
 */
export function OutboundActions({ referral }: { referral: ReferralOut }) {
  const { t } = useTranslation('referrals');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [appointmentOn, setAppointmentOn] = useState('');
  const [summary, setSummary] = useState('');
  const [findings, setFindings] = useState('');
  const [decision, setDecision] = useState<ResultReviewIn['decision']>('clear');
  const [notes, setNotes] = useState('');
  const [referOn, setReferOn] = useState('');
  const [report, setReport] = useState<File | null>(null);
  const navigate = useNavigate();
  const steps = new Set(referral.nextSteps);
  const reviewing = steps.has('closed') && referral.status === 'result_received';
  const providers = useQuery({ ...providersQuery({}), enabled: reviewing });
  const act = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['referrals'] }),
  });
  const id = referral.id;
  const run = (work: () => Promise<unknown>) => (event?: FormEvent) => {
    event?.preventDefault();
    act.mutate(work);
  };
  if (steps.size === 0) return null;
  return (
    <div className="rf-stack">
      <div className="rf-row">
        {steps.has('signed') ? <Button onClick={run(() => referralsApi.sign(id))}>{t('detail.sign')}</Button> : null}
        {steps.has('sent') ? (
          <>
            <Button onClick={run(() => referralsApi.send(id, { via: 'email' }))}>{t('detail.sendEmail')}</Button>
            <Button variant="secondary" onClick={run(() => referralsApi.send(id, { via: 'print' }))}>
              {t('detail.markPrinted')}
            </Button>
          </>
        ) : null}
        {steps.has('acknowledged') ? (
          <Button variant="secondary" onClick={run(() => referralsApi.track(id, { to: 'acknowledged' }))}>
            {t('detail.acknowledge')}
          </Button>
        ) : null}
      </div>
      {steps.has('appointment_booked') ? (
        <form className="rf-row" onSubmit={run(() => referralsApi.track(id, { to: 'appointment_booked', appointmentOn }))}>
          <TextField
            label={t('detail.appointmentDate')}
            type="date"
            required
            value={appointmentOn}
            onChange={(event) => setAppointmentOn(event.target.value)}
          />
          <Button type="submit" variant="secondary">
            {t('detail.booked')}
          </Button>
        </form>
      ) : null}
      {steps.has('result_received') ? (
        <form
          className="rf-form"
          aria-label={t('detail.recordResult')}
          onSubmit={run(async () => {
            await referralsApi.result(id, {
              summary,
              findings: findings
                .split('\n')
                .map((line) => line.trim())
                .filter(Boolean)
                .map((line) => {
                  const [label = line, ...rest] = line.split(':');
                  return { label: label.trim() || line, value: rest.join(':').trim() };
                }),
            });
            // The findings are kept even if the report is refused; it can be attached again from the result.
            if (report) await referralsApi.uploadReport(id, report);
          })}
        >
          <TextArea label={t('detail.summary')} value={summary} required onChange={(event) => setSummary(event.target.value)} maxLength={4000} />
          <TextArea label={t('detail.findingsLines')} value={findings} onChange={(event) => setFindings(event.target.value)} />
          <ReportFileField onChange={setReport} />
          <div className="rf-wide">
            <Button type="submit">{t('detail.recordResult')}</Button>
          </div>
        </form>
      ) : null}
      {reviewing ? (
        <form
          className="rf-form"
          aria-label={t('detail.reviewTitle')}
          onSubmit={run(async () => {
            const reviewed = await referralsApi.review(id, { decision, notes, ...(decision === 'refer_on' && referOn ? { referOnProviderId: referOn } : {}) });
            // "Change the plan" goes on to the plan itself, with this result beside it; with no plan yet, to the record.
            if (decision === 'change_plan') {
              const to = reviewed.planToChangeId
                ? `/staff/plans/${encodeURIComponent(reviewed.planToChangeId)}?fromReferral=${encodeURIComponent(id)}`
                : `/staff/patients/${encodeURIComponent(referral.patientId ?? '')}`;
              void navigate(to);
            }
          })}
        >
          <SelectField
            label={t('detail.decision')}
            value={decision}
            onChange={(event) => setDecision(event.target.value as ResultReviewIn['decision'])}
            options={(['clear', 'change_plan', 'refer_on'] as const).map((d) => ({ value: d, label: t(`detail.decisions.${d}`) }))}
          />
          {decision === 'change_plan' ? <p className="rf-muted">{t('detail.changePlanHint')}</p> : null}
          {decision === 'refer_on' ? (
            <SelectField
              label={t('detail.referOnTo')}
              value={referOn}
              required
              onChange={(event) => setReferOn(event.target.value)}
              options={[{ value: '', label: t('newReferral.chooseProvider') }, ...(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))]}
            />
          ) : null}
          <TextArea label={t('detail.reviewNotes')} value={notes} onChange={(event) => setNotes(event.target.value)} maxLength={4000} />
          <div className="rf-wide">
            <Button type="submit">{t('detail.saveReview')}</Button>
          </div>
        </form>
      ) : null}
      {steps.has('cancelled') ? (
        <div>
          <Button variant="danger" onClick={run(() => referralsApi.track(id, { to: 'cancelled' }))}>
            {t('detail.cancel')}
          </Button>
        </div>
      ) : null}
      {act.error ? <Alert tone="error">{errorText(act.error)}</Alert> : null}
    </div>
  );
}

/** A PDF chooser for the result's report (the server checks the file really is a PDF, at most 8 MB). */
export function ReportFileField({ onChange }: { onChange: (file: File | null) => void }) {
  const { t } = useTranslation('referrals');
  return (
    <label className="rf-file">
      <span>{t('detail.reportFile')}</span>
      <input type="file" name="file" accept="application/pdf,.pdf" onChange={(event) => onChange(event.target.files?.[0] ?? null)} />
      <span className="rf-muted">{t('detail.reportHint')}</span>
    </label>
  );
}

/** Attach the report to a result recorded without it (before the physician's review). */
export function AttachReport({ referralId }: { referralId: string }) {
  const { t } = useTranslation('referrals');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const attach = useMutation({
    mutationFn: (chosen: File) => referralsApi.uploadReport(referralId, chosen),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['referrals'] }),
  });
  return (
    <form
      className="rf-form"
      aria-label={t('detail.attachReport')}
      onSubmit={(event) => {
        event.preventDefault();
        if (file) attach.mutate(file);
      }}
    >
      <ReportFileField onChange={setFile} />
      <div className="rf-wide">
        <Button type="submit" variant="secondary" disabled={!file || attach.isPending}>
          {t('detail.attachReport')}
        </Button>
      </div>
      {attach.error ? <Alert tone="error">{errorText(attach.error)}</Alert> : null}
    </form>
  );
}
