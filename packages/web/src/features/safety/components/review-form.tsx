import type { ScreeningResult } from '@myomap/domain/screening/screening-result';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { contractResolver, type FieldProblem } from '../../../lib/forms/contract-resolver.ts';
import { safetyApi, type ReviewDecision, type ReviewRecorded, type ReviewIn, type Urgency } from '../api/safety-api.ts';
import { safetyKeys } from '../api/safety-queries.ts';
import { useSafetyLabels } from '../lib/use-safety-labels.ts';
import { useTranslation } from 'react-i18next';

const DECISIONS: readonly ReviewDecision[] = ['clear', 'clear_with_precautions', 'refer'];
const URGENCIES: readonly Urgency[] = ['emergency', 'same_day', 'soon'];
// The server's limits (safety.routes.ts): 20 items, 300 characters a test, 500 a precaution.
const MAX_ITEMS = 20;

const lines = (text: string, max: number) =>
  text
    .split('\n')
    .map((line) => line.trim().slice(0, max))
    .filter(Boolean);

export interface ReviewFormProps {
  patientId: string;
  result: ScreeningResult | undefined;
  onSaved(review: ReviewRecorded): void;
}

interface ReviewValues {
  decision: ReviewDecision | '';
  notes: string;
  precautions: string;
  referTo: string;
  tests: string[];
  otherTests: string;
  urgency: Urgency;
}

/** Why a review cannot be saved yet; each names its `review.*` message. */
type ReviewProblem = 'needDecision' | 'needReferTo' | 'needPrecautions';

// The review body's schema is still in safety.routes.ts; these are the rules a physician can
// break in this form (the server checks them again), until it moves into the contract.
function reviewResolver(suggestedTests: readonly string[]) {
  return contractResolver<ReviewValues, ReviewIn>(null, {
    toBody(v) {
      const decision = v.decision || 'clear';
      const precautionList = lines(v.precautions, 500).slice(0, MAX_ITEMS);
      const body: ReviewIn = { decision, notes: v.notes.trim() };
      if (decision !== 'clear' && precautionList.length > 0) body.precautions = precautionList;
      if (decision === 'refer') {
        const chosen = suggestedTests.filter((test) => v.tests.includes(test)).map((test) => test.slice(0, 300));
        body.referral = { to: v.referTo.trim().slice(0, 300), tests: [...chosen, ...lines(v.otherTests, 300)].slice(0, MAX_ITEMS), urgency: v.urgency };
      }
      return body;
    },
    fields: {},
    check(v) {
      const found: Partial<Record<keyof ReviewValues, ReviewProblem>> = {};
      if (!v.decision) found.decision = 'needDecision';
      if (v.decision === 'refer' && v.referTo.trim() === '') found.referTo = 'needReferTo';
      if (v.decision === 'clear_with_precautions' && lines(v.precautions, 500).length === 0) found.precautions = 'needPrecautions';
      return found as Partial<Record<string, FieldProblem>>;
    },
  });
}

/**
 * The physician's decision on the latest screen. Referral urgency and the screen's precautions
 * start from what the screen suggests; the suggested tests are offered to tick.
 */
export function ReviewForm({ patientId, result, onSaved }: ReviewFormProps) {
  const { t } = useTranslation('safety');
  const { pick } = useSafetyLabels();
  const errorText = useErrorText();
  const ids = useId();
  const suggestion = result?.physicianReferral;
  const suggestedTests = (suggestion?.suggestedTests ?? []).map(pick);
  const {
    register,
    handleSubmit,
    watch,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<ReviewValues, unknown, ReviewIn>({
    defaultValues: {
      decision: '',
      notes: '',
      precautions: (result?.precautions ?? []).map((p) => pick(p.text)).join('\n'),
      referTo: '',
      tests: [],
      otherTests: '',
      urgency: suggestion?.urgency ?? 'soon',
    },
    resolver: reviewResolver(suggestedTests),
  });
  const [decision, tests] = watch(['decision', 'tests']);
  const problem = (name: 'decision' | 'referTo' | 'precautions') => {
    const message = errors[name]?.message;
    return message ? t(`review.${message as ReviewProblem}`) : undefined;
  };

  const queryClient = useQueryClient();
  const saving = useMutation({
    mutationFn: (body: ReviewIn) => safetyApi.review(patientId, body),
    onSuccess: (review) => {
      onSaved(review);
      void queryClient.invalidateQueries({ queryKey: safetyKeys.patient(patientId) });
      void queryClient.invalidateQueries({ queryKey: safetyKeys.queue() });
    },
  });
  // handleSubmit awaits this, so the button is busy for the request; a refusal is shown below, not thrown.
  const save = (body: ReviewIn) =>
    saving.mutateAsync(body).then(
      () => undefined,
      () => undefined,
    );

  // Many boxes, one list: kept by hand, since register() gives a lone box a boolean.
  const toggleTest = (test: string, on: boolean) => setValue('tests', on ? [...tests, test] : tests.filter((x) => x !== test));

  return (
    <Card as="section" className="sf-card sf-review-form" aria-labelledby="sf-review-title">
      <h2 id="sf-review-title">{t('review.title')}</h2>
      <form onSubmit={(event) => void handleSubmit(save)(event)} noValidate>
        {result?.physicianReferral?.urgency === 'emergency' ? (
          <p className="sf-note" data-needs-reason>
            {t('extras.reviewReason')}
          </p>
        ) : null}
        <fieldset
          className="sf-fieldset"
          aria-invalid={problem('decision') ? true : undefined}
          aria-describedby={problem('decision') ? `${ids}-decision-error` : undefined}
        >
          <legend>{t('review.decision')}</legend>
          <div className="sf-options">
            {DECISIONS.map((value) => (
              <label key={value} className={`sf-option sf-option--${value}${decision === value ? ' is-checked' : ''}`}>
                <input type="radio" value={value} {...register('decision')} />
                <span>{t(`review.decisions.${value}`)}</span>
              </label>
            ))}
          </div>
          {problem('decision') ? (
            <p className="ui-field__error" id={`${ids}-decision-error`}>
              {problem('decision')}
            </p>
          ) : null}
        </fieldset>

        {decision === 'refer' ? (
          <div className="sf-referral-fields">
            <TextField
              label={t('review.referTo')}
              hint={suggestion?.referTo[0] ? t('review.referToHint', { suggestion: pick(suggestion.referTo[0]) }) : undefined}
              placeholder={t('review.referToPlaceholder')}
              {...register('referTo')}
              maxLength={300}
              error={problem('referTo')}
            />
            <SelectField
              label={t('review.urgency')}
              {...register('urgency')}
              options={URGENCIES.map((u) => ({ value: u, label: `${t(`urgency.${u}`)}: ${t(`urgencyHint.${u}`)}` }))}
            />
            {suggestedTests.length > 0 ? (
              <fieldset className="sf-fieldset">
                <legend>{t('review.tests')}</legend>
                <div className="sf-checks">
                  {suggestedTests.map((test) => (
                    <label key={test} className="sf-check">
                      <input type="checkbox" checked={tests.includes(test)} onChange={(event) => toggleTest(test, event.target.checked)} />
                      <span>{test}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            ) : null}
            <div className="ui-field">
              <label className="ui-field__label" htmlFor={`${ids}-other-tests`}>
                {t('review.otherTests')}
              </label>
              <textarea id={`${ids}-other-tests`} className="ui-field__control sf-textarea" rows={2} {...register('otherTests')} />
            </div>
          </div>
        ) : null}

        {decision && decision !== 'clear' ? (
          <div className="ui-field">
            <label className="ui-field__label" htmlFor={`${ids}-precautions`}>
              {t('review.precautions')}
            </label>
            <textarea
              id={`${ids}-precautions`}
              className="ui-field__control sf-textarea"
              rows={3}
              {...register('precautions')}
              aria-invalid={problem('precautions') ? true : undefined}
              aria-describedby={problem('precautions') ? `${ids}-precautions-error` : undefined}
            />
            {problem('precautions') ? (
              <p className="ui-field__error" id={`${ids}-precautions-error`}>
                {problem('precautions')}
              </p>
            ) : null}
          </div>
        ) : null}

        <div className="ui-field">
          <label className="ui-field__label" htmlFor={`${ids}-notes`}>
            {t('review.notes')}
          </label>
          <textarea id={`${ids}-notes`} className="ui-field__control sf-textarea" rows={3} maxLength={4000} {...register('notes')} />
        </div>
        {saving.isError ? <Alert tone="error">{t('review.failed', { message: errorText(saving.error) })}</Alert> : null}
        <Button type="submit" busy={isSubmitting}>
          {t('review.save')}
        </Button>
      </form>
    </Card>
  );
}
