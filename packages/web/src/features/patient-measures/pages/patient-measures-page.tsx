import '../patient-measures.css';
import { useEffect, useRef } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { LanguageSwitch } from '../../../components/ui/language-switch.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { useMeasureForm, useSendMeasureAnswers, type MeasureAnswersIn, type MeasureForm } from '../api/measures-api.ts';
import { MeasureQuestion } from '../components/measure-question.tsx';

const ERROR_CODES = ['not_found', 'measures_already_answered', 'validation_failed', 'rate_limited', 'network_error'] as const;
type KnownError = (typeof ERROR_CODES)[number];
const errorCode = (error: unknown): KnownError | 'unknown' =>
  error instanceof ApiError && (ERROR_CODES as readonly string[]).includes(error.code) ? (error.code as KnownError) : 'unknown';

/** '/measures/:token': the patient answers their due outcome measures from a link or on the clinic's tablet. Public, by link. */
export function PatientMeasuresPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation('measures');
  const form = useMeasureForm(token);
  const data = form.data;
  useOpenInPatientsLanguage(data);
  const language = useLanguage();

  let body;
  if (form.isPending) body = <LoadingState label={t('loading')} />;
  else if (form.isError) body = <Alert tone="error">{t(`errors.${errorCode(form.error)}`)}</Alert>;
  else if (data?.status === 'completed' || data?.status === 'expired')
    body = (
      <Alert tone={data.status === 'completed' ? 'success' : 'warning'} title={t(`closed.${data.status}.title`)}>
        {t(`closed.${data.status}.body`)}
      </Alert>
    );
  else if (data) body = <MeasuresForm token={token} form={data} />;

  return (
    <div className="pm-page">
      <header className="pm-bar">
        <span className="pm-bar__brand">
          <span className="pm-bar__logo" aria-hidden="true">
            M
          </span>
          {data ? data.clinicName[language] : 'Myomap'}
        </span>
        <LanguageSwitch />
      </header>
      <main className="pm-main">{body}</main>
    </div>
  );
}

/** The page opens in the language the clinic has for the patient, unless the link names one (?lang=). */
function useOpenInPatientsLanguage(data: MeasureForm | undefined) {
  const { i18n } = useTranslation();
  const [params] = useSearchParams();
  const applied = useRef(false);
  useEffect(() => {
    if (!data || applied.current) return;
    applied.current = true;
    if (!params.has('lang') && i18n.language !== data.language) void i18n.changeLanguage(data.language);
  }, [data, i18n, params]);
}

interface Values {
  /** One entry per question, in page order: '' (not yet chosen), 'skip', or the chosen point. */
  q: string[];
}

function MeasuresForm({ token, form }: { token: string; form: MeasureForm }) {
  const { t } = useTranslation('measures');
  const language = useLanguage();
  const send = useSendMeasureAnswers(token);
  const questions = form.instruments.flatMap((instrument) => instrument.items.map((item) => ({ instrument, item })));
  const {
    register,
    handleSubmit,
    control,
    formState: { errors, isSubmitted },
  } = useForm<Values>({ defaultValues: { q: questions.map(() => '') }, shouldFocusError: true });
  const values = useWatch({ control, name: 'q' });
  const answered = values.filter((value) => value !== '').length;

  if (send.isSuccess) {
    return (
      <Alert tone="success" title={t('thanks.title')}>
        {t('thanks.body')}
      </Alert>
    );
  }

  const submit = handleSubmit((chosen) => {
    const answers: MeasureAnswersIn['answers'] = {};
    questions.forEach(({ instrument, item }, index) => {
      const value = chosen.q[index];
      // Skipped is null: not measured, never a 0.
      (answers[instrument.id] ??= {})[item.id] = value === undefined || value === '' || value === 'skip' ? null : Number(value);
    });
    send.mutate({ language, answers });
  });

  let number = 0;
  return (
    <form className="pm-form" noValidate onSubmit={(event) => void submit(event)}>
      <div>
        <h1 className="pm-title">{t('title')}</h1>
        <p className="pm-lead">{t('lead')}</p>
      </div>
      {form.instruments.map((instrument) => (
        <Card as="section" key={instrument.id} className="pm-instrument" aria-labelledby={`pm-${instrument.id}`}>
          <h2 id={`pm-${instrument.id}`}>{instrument.name[language]}</h2>
          {/* PSFS's own instructions are about naming activities; here the patient re-rates the ones they named. */}
          <p className="pm-instructions">{instrument.patientSpecific ? t('reRate') : instrument.instructions[language]}</p>
          {instrument.items.map((item) => {
            const index = number;
            number += 1;
            return (
              <MeasureQuestion
                key={item.id}
                number={index + 1}
                item={item}
                label={instrument.patientSpecific ? t('activity', { activity: item.id }) : item.text[language]}
                value={values[index] ?? ''}
                field={register(`q.${index}`, { validate: (value) => value !== '' })}
                error={Boolean(errors.q?.[index])}
              />
            );
          })}
        </Card>
      ))}
      <p className="pm-progress" aria-live="polite">
        {t('progress', { answered, total: questions.length })}
      </p>
      {isSubmitted && errors.q && <Alert tone="error">{t('required')}</Alert>}
      {send.isError && <Alert tone="error">{t(`errors.${errorCode(send.error)}`)}</Alert>}
      <Button type="submit" size="lg" block busy={send.isPending}>
        {t('send')}
      </Button>
    </form>
  );
}
