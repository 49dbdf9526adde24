import '../referrals.css';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { PageFrame } from '../../../components/ui/page-frame.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { referralsApi, type ReferralIn, type ReferralUrgency } from '../api/referrals-api.ts';
import { providersQuery } from '../api/referrals-queries.ts';
import { TextArea } from '../components/text-area.tsx';

const URGENCIES: readonly ReferralUrgency[] = ['emergency', 'same_day', 'soon', 'routine'];

/**
 * /staff/referrals/new?patientId=…&source=physician_review|plan|record&reviewId=…&planId=…&urgency=…&reason=…&tests=…
 * The "Refer" buttons on the physician review, the plan and the record open this, with what they know filled in.
 */
export function NewReferralPage() {
  const { t } = useTranslation(['referrals', 'common']);
  const language = useLanguage();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const patientId = params.get('patientId') ?? '';
  const source = (params.get('source') ?? 'record') as ReferralIn['source'];
  const providers = useQuery(providersQuery({}));
  const [providerId, setProviderId] = useState('');
  const [urgency, setUrgency] = useState<ReferralUrgency>((params.get('urgency') as ReferralUrgency | null) ?? 'routine');
  const [reason, setReason] = useState(params.get('reason') ?? '');
  const [question, setQuestion] = useState('');
  const [tests, setTests] = useState(params.get('tests') ?? '');
  const [findings, setFindings] = useState(true);
  const [outcomes, setOutcomes] = useState(false);
  const [letterLanguage, setLetterLanguage] = useState<'en' | 'ar'>(language);

  useEffect(() => {
    document.title = t('newReferral.title');
  }, [t]);

  const save = useMutation({
    mutationFn: () =>
      referralsApi.draft({
        patientId,
        providerId,
        source,
        ...(params.get('reviewId') ? { reviewId: params.get('reviewId') ?? '' } : {}),
        ...(params.get('planId') ? { planId: params.get('planId') ?? '' } : {}),
        urgency,
        reason,
        question,
        testsSuggested: tests
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean)
          .map((label) => ({ label })),
        attachments: [...(findings ? ['findings' as const] : []), ...(outcomes ? ['outcomes' as const] : [])],
        language: letterLanguage,
      }),
    onSuccess: (referral) => navigate(`/staff/referrals/${encodeURIComponent(referral.id)}`),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <PageFrame title={t('newReferral.title')} width="narrow" back={<Link to={`/staff/patients/${encodeURIComponent(patientId)}`}>{t('detail.back')}</Link>}>
      <Card as="section">
        <form className="rf-form" onSubmit={submit}>
          <SelectField
            className="rf-wide"
            label={t('newReferral.provider')}
            value={providerId}
            required
            onChange={(event) => setProviderId(event.target.value)}
            options={[
              { value: '', label: t('newReferral.chooseProvider') },
              ...(providers.data ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${t(`kinds.${p.kind}`)}` })),
            ]}
          />
          <SelectField
            label={t('newReferral.urgency')}
            value={urgency}
            onChange={(event) => setUrgency(event.target.value as ReferralUrgency)}
            options={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
          />
          <SelectField
            label={t('newReferral.language')}
            value={letterLanguage}
            onChange={(event) => setLetterLanguage(event.target.value as 'en' | 'ar')}
            options={[
              { value: 'en', label: t('refer.languages.en') },
              { value: 'ar', label: t('refer.languages.ar') },
            ]}
          />
          <TextArea label={t('newReferral.reason')} value={reason} onChange={(event) => setReason(event.target.value)} required maxLength={4000} />
          <TextArea label={t('newReferral.question')} value={question} onChange={(event) => setQuestion(event.target.value)} maxLength={2000} />
          <TextArea label={t('newReferral.tests')} value={tests} onChange={(event) => setTests(event.target.value)} />
          <label className="rf-check">
            <input type="checkbox" checked={findings} onChange={(event) => setFindings(event.target.checked)} />
            {t('newReferral.attachFindings')}
          </label>
          <label className="rf-check">
            <input type="checkbox" checked={outcomes} onChange={(event) => setOutcomes(event.target.checked)} />
            {t('newReferral.attachOutcomes')}
          </label>
          <div className="rf-row rf-wide">
            <Button type="submit" busy={save.isPending}>
              {t('newReferral.save')}
            </Button>
            <MutedText>{t('newReferral.signNote')}</MutedText>
          </div>
          {save.error ? (
            <div className="rf-wide">
              <Alert tone="error">{errorText(save.error)}</Alert>
            </div>
          ) : null}
        </form>
      </Card>
    </PageFrame>
  );
}
