import type { ScreeningResult } from '@myomap/domain/screening/screening-result';
import { useId, useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { safetyApi, type ReviewDecision, type ReviewRecorded, type ReviewIn, type Urgency } from '../api/safety-api.ts';
import { useSafetyLabels } from '../lib/use-safety-labels.ts';
import { useSafetyTranslation } from '../lib/use-safety-translation.ts';

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

/**
 * The physician's decision on the latest screen. Referral urgency and the screen's precautions
 * start from what the screen suggests; the suggested tests are offered to tick.
 */
export function ReviewForm({ patientId, result, onSaved }: ReviewFormProps) {
  const { t } = useSafetyTranslation();
  const { pick } = useSafetyLabels();
  const ids = useId();
  const suggestion = result?.physicianReferral;
  const suggestedTests = (suggestion?.suggestedTests ?? []).map(pick);
  const [decision, setDecision] = useState<ReviewDecision>();
  const [notes, setNotes] = useState('');
  const [precautions, setPrecautions] = useState(() => (result?.precautions ?? []).map((p) => pick(p.text)).join('\n'));
  const [referTo, setReferTo] = useState('');
  const [tests, setTests] = useState<ReadonlySet<string>>(new Set());
  const [otherTests, setOtherTests] = useState('');
  const [urgency, setUrgency] = useState<Urgency>(suggestion?.urgency ?? 'soon');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const precautionList = lines(precautions, 500).slice(0, MAX_ITEMS);
  const problems = {
    decision: decision ? undefined : t('review.needDecision'),
    referTo: decision === 'refer' && referTo.trim() === '' ? t('review.needReferTo') : undefined,
    precautions: decision === 'clear_with_precautions' && precautionList.length === 0 ? t('review.needPrecautions') : undefined,
  };

  const save = async () => {
    setTried(true);
    setError(undefined);
    if (!decision || problems.referTo || problems.precautions) return;
    const body: ReviewIn = { decision, notes: notes.trim() };
    if (decision !== 'clear' && precautionList.length > 0) body.precautions = precautionList;
    if (decision === 'refer') {
      const chosen = suggestedTests.filter((test) => tests.has(test)).map((test) => test.slice(0, 300));
      body.referral = { to: referTo.trim().slice(0, 300), tests: [...chosen, ...lines(otherTests, 300)].slice(0, MAX_ITEMS), urgency };
    }
    setBusy(true);
    try {
      onSaved(await safetyApi.review(patientId, body));
    } catch (caught) {
      setError(t('review.failed', { message: caught instanceof ApiError ? caught.message : String(caught) }));
    } finally {
      setBusy(false);
    }
  };

  const toggleTest = (test: string, on: boolean) =>
    setTests((current) => {
      const next = new Set(current);
      if (on) next.add(test);
      else next.delete(test);
      return next;
    });

  return (
    <Card as="section" className="sf-card sf-review-form" aria-labelledby="sf-review-title">
      <h2 id="sf-review-title">{t('review.title')}</h2>
      {result?.physicianReferral?.urgency === 'emergency' ? <p className="sf-note" data-needs-reason>{t('extras.reviewReason')}</p> : null}
      <fieldset className="sf-fieldset" aria-invalid={tried && Boolean(problems.decision) ? true : undefined}>
        <legend>{t('review.decision')}</legend>
        <div className="sf-options">
          {DECISIONS.map((value) => (
            <label key={value} className={`sf-option sf-option--${value}${decision === value ? ' is-checked' : ''}`}>
              <input type="radio" name={`${ids}-decision`} value={value} checked={decision === value} onChange={() => setDecision(value)} />
              <span>{t(`review.decisions.${value}`)}</span>
            </label>
          ))}
        </div>
        {tried && problems.decision ? <p className="ui-field__error">{problems.decision}</p> : null}
      </fieldset>

      {decision === 'refer' ? (
        <div className="sf-referral-fields">
          <TextField
            label={t('review.referTo')}
            hint={suggestion?.referTo[0] ? t('review.referToHint', { suggestion: pick(suggestion.referTo[0]) }) : undefined}
            placeholder={t('review.referToPlaceholder')}
            value={referTo}
            maxLength={300}
            error={tried ? problems.referTo : undefined}
            onChange={(event) => setReferTo(event.target.value)}
          />
          <SelectField
            label={t('review.urgency')}
            value={urgency}
            options={URGENCIES.map((u) => ({ value: u, label: `${t(`urgency.${u}`)}: ${t(`urgencyHint.${u}`)}` }))}
            onChange={(event) => setUrgency(event.target.value as Urgency)}
          />
          {suggestedTests.length > 0 ? (
            <fieldset className="sf-fieldset">
              <legend>{t('review.tests')}</legend>
              <div className="sf-checks">
                {suggestedTests.map((test) => (
                  <label key={test} className="sf-check">
                    <input type="checkbox" checked={tests.has(test)} onChange={(event) => toggleTest(test, event.target.checked)} />
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
            <textarea id={`${ids}-other-tests`} className="ui-field__control sf-textarea" rows={2} value={otherTests} onChange={(event) => setOtherTests(event.target.value)} />
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
            value={precautions}
            aria-invalid={tried && problems.precautions ? true : undefined}
            onChange={(event) => setPrecautions(event.target.value)}
          />
          {tried && problems.precautions ? <p className="ui-field__error">{problems.precautions}</p> : null}
        </div>
      ) : null}

      <div className="ui-field">
        <label className="ui-field__label" htmlFor={`${ids}-notes`}>
          {t('review.notes')}
        </label>
        <textarea id={`${ids}-notes`} className="ui-field__control sf-textarea" rows={3} maxLength={4000} value={notes} onChange={(event) => setNotes(event.target.value)} />
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button onClick={() => void save()} busy={busy}>
        {t('review.save')}
      </Button>
    </Card>
  );
}
