import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { wallToZonedIso } from '../../../lib/clinic-time/clinic-time.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { referralsApi, type ReferralOut } from '../api/referrals-api.ts';

/** Reception's triage of a referral in: check for an existing record, then accept with a first visit, or decline. */
export function InboundActions({ referral }: { referral: ReferralOut }) {
  const { t } = useTranslation('referrals');
  const language = useLanguage();
  const timeZone = useClinicTimeZone();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const open = referral.status === 'received' && referral.nextSteps.includes('accepted');
  const matches = useQuery({
    queryKey: ['referrals', 'matches', referral.id],
    queryFn: () => referralsApi.matches(referral.id),
    enabled: open,
  });
  const practitioners = useQuery({ queryKey: ['referrals', 'practitioners'], queryFn: referralsApi.practitioners, enabled: open });
  const services = useQuery({ queryKey: ['referrals', 'services'], queryFn: referralsApi.services, enabled: open });
  const [patientId, setPatientId] = useState('');
  const [practitionerId, setPractitionerId] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [start, setStart] = useState('');
  const [note, setNote] = useState('');
  const act = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['referrals'] }),
  });
  if (!open) return null;
  const accept = (event: FormEvent) => {
    event.preventDefault();
    act.mutate(() =>
      referralsApi.accept(referral.id, { practitionerId, serviceId, start: wallToZonedIso(start, timeZone), ...(patientId ? { patientId } : {}) }),
    );
  };
  return (
    <div className="rf-stack">
      <SelectField
        label={t('detail.matches')}
        hint={matches.data?.length === 0 ? t('detail.noMatches') : undefined}
        value={patientId}
        onChange={(event) => setPatientId(event.target.value)}
        options={[
          { value: '', label: t('detail.newRecord') },
          ...(matches.data ?? []).map((m) => ({ value: m.id, label: [m.name, m.dateOfBirth, m.phone].filter(Boolean).join(' · ') })),
        ]}
      />
      <form className="rf-form" onSubmit={accept} aria-label={t('detail.accept')}>
        <SelectField
          label={t('detail.service')}
          value={serviceId}
          required
          onChange={(event) => setServiceId(event.target.value)}
          options={[{ value: '', label: '—' }, ...(services.data ?? []).map((s) => ({ value: s.id, label: s.names[language] }))]}
        />
        <SelectField
          label={t('detail.practitioner')}
          value={practitionerId}
          required
          onChange={(event) => setPractitionerId(event.target.value)}
          options={[{ value: '', label: '—' }, ...(practitioners.data ?? []).map((p) => ({ value: p.id, label: p.names[language] }))]}
        />
        <TextField label={t('detail.start')} type="datetime-local" required value={start} onChange={(event) => setStart(event.target.value)} />
        <div className="rf-wide">
          <Button type="submit">{t('detail.accept')}</Button>
        </div>
      </form>
      <form
        className="rf-row"
        onSubmit={(event) => {
          event.preventDefault();
          act.mutate(() => referralsApi.decline(referral.id, note));
        }}
      >
        <TextField label={t('detail.note')} value={note} onChange={(event) => setNote(event.target.value)} maxLength={2000} />
        <Button type="submit" variant="danger">
          {t('detail.decline')}
        </Button>
      </form>
      {act.error ? <Alert tone="error">{errorText(act.error)}</Alert> : null}
    </div>
  );
}
