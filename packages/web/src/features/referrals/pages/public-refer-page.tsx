import '../referrals.css';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { LanguageSwitch } from '../../../components/ui/language-switch.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { clinicQuery } from '../../../lib/clinic/clinic-query.ts';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { referralsApi, type PublicReferralIn } from '../api/referrals-api.ts';
import { TextArea } from '../components/text-area.tsx';

/** /refer — a doctor refers a patient, without signing in. Emergencies are sent elsewhere, first. */
export function PublicReferPage() {
  const { t } = useTranslation(['referrals', 'common']);
  const language = useLanguage();
  const errorText = useErrorText();
  const clinic = useQuery(clinicQuery).data;
  const [f, setF] = useState<Record<string, string>>({ patientLanguage: language, urgency: 'routine' });
  const [consent, setConsent] = useState(false);
  const set = (key: string) => (event: { target: { value: string } }) => setF({ ...f, [key]: event.target.value });
  const v = (key: string) => f[key] ?? '';
  const send = useMutation({
    mutationFn: () => {
      const opt = (key: string) => (v(key).trim() ? v(key).trim() : undefined);
      const body: PublicReferralIn = {
        referrer: {
          name: v('referrerName'),
          email: v('referrerEmail').trim(),
          ...(opt('referrerOrganisation') ? { organisation: opt('referrerOrganisation') ?? '' } : {}),
          ...(opt('referrerPhone') ? { phone: opt('referrerPhone') ?? '' } : {}),
        },
        patient: {
          name: v('patientName'),
          phone: v('patientPhone').trim(),
          email: v('patientEmail').trim(),
          language: v('patientLanguage') === 'ar' ? 'ar' : 'en',
          ...(opt('patientDob') ? { dateOfBirth: opt('patientDob') ?? '' } : {}),
        },
        urgency: v('urgency') === 'soon' ? 'soon' : 'routine',
        reason: v('reason'),
        language,
        consent: true,
        ...(v('website') ? { website: v('website') } : {}),
      };
      return referralsApi.submitPublic(body);
    },
  });

  useEffect(() => {
    document.title = `${t('refer.title')} · ${clinic ? clinic.name[language] : 'Myomap'}`;
  }, [t, clinic, language]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  const optional = t('refer.optional');
  return (
    <div className="rf-public">
      <header className="rf-public-header">
        <strong>{clinic ? clinic.name[language] : 'Myomap'}</strong>
        <LanguageSwitch />
      </header>
      <main id="main" className="rf-stack">
        <h1>{t('refer.title')}</h1>
        <p>{t('refer.description')}</p>
        <Alert tone="warning">{t('refer.emergency')}</Alert>
        {send.isSuccess ? (
          <Alert tone="success">{t('refer.sent')}</Alert>
        ) : (
          <Card as="section">
            <form className="rf-form" onSubmit={submit}>
              <h2 className="rf-wide">{t('refer.referrer')}</h2>
              <TextField
                label={t('refer.referrerName')}
                value={v('referrerName')}
                onChange={set('referrerName')}
                required
                maxLength={200}
                autoComplete="name"
              />
              <TextField
                label={t('refer.referrerOrganisation')}
                optionalText={optional}
                value={v('referrerOrganisation')}
                onChange={set('referrerOrganisation')}
                maxLength={200}
              />
              <TextField
                label={t('refer.referrerEmail')}
                type="email"
                dir="ltr"
                value={v('referrerEmail')}
                onChange={set('referrerEmail')}
                required
                autoComplete="email"
              />
              <TextField
                label={t('refer.referrerPhone')}
                optionalText={optional}
                type="tel"
                dir="ltr"
                value={v('referrerPhone')}
                onChange={set('referrerPhone')}
              />
              <h2 className="rf-wide">{t('refer.patient')}</h2>
              <TextField label={t('refer.patientName')} value={v('patientName')} onChange={set('patientName')} required maxLength={200} />
              <TextField label={t('refer.patientDob')} optionalText={optional} type="date" value={v('patientDob')} onChange={set('patientDob')} />
              <TextField label={t('refer.patientPhone')} type="tel" dir="ltr" value={v('patientPhone')} onChange={set('patientPhone')} required />
              <TextField label={t('refer.patientEmail')} type="email" dir="ltr" value={v('patientEmail')} onChange={set('patientEmail')} required />
              <SelectField
                label={t('refer.patientLanguage')}
                value={v('patientLanguage')}
                onChange={set('patientLanguage')}
                options={[
                  { value: 'en', label: t('refer.languages.en') },
                  { value: 'ar', label: t('refer.languages.ar') },
                ]}
              />
              <SelectField
                label={t('refer.urgency')}
                value={v('urgency')}
                onChange={set('urgency')}
                options={[
                  { value: 'routine', label: t('urgency.routine') },
                  { value: 'soon', label: t('urgency.soon') },
                ]}
              />
              <TextArea label={t('refer.reason')} value={v('reason')} onChange={set('reason')} required maxLength={2000} />
              <div className="rf-honeypot" aria-hidden="true">
                <label>
                  {t('refer.website')}
                  <input tabIndex={-1} autoComplete="off" value={v('website')} onChange={set('website')} name="website" />
                </label>
              </div>
              <label className="rf-check rf-wide">
                <input type="checkbox" required checked={consent} onChange={(event) => setConsent(event.target.checked)} />
                {t('refer.consent')}
              </label>
              <div className="rf-wide">
                <Button type="submit" busy={send.isPending}>
                  {t('refer.submit')}
                </Button>
              </div>
              {send.error ? (
                <div className="rf-wide">
                  <Alert tone="error">{errorText(send.error)}</Alert>
                </div>
              ) : null}
            </form>
          </Card>
        )}
      </main>
    </div>
  );
}
