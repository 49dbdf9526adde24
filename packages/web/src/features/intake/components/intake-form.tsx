import { listMissingRequired } from '@myomap/domain/screening/list-missing-required';
import { resolveAnswer } from '@myomap/domain/screening/resolve-answer';
import { Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { SaveStatus } from '../../../components/ui/save-status.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { StepIndicator } from '../../../components/ui/step-indicator.tsx';
import { useUnsavedChangesGuard } from '../../../components/ui/use-unsaved-changes-guard.ts';
import type { IntakeTarget, IntakeView } from '../api/intake-api.ts';
import { hasUnsavedAnswers, saveStatusText } from '../lib/save-status-text.ts';
import { buildSteps, questionId, splitTitle, stepIndexOf, textOf } from '../lib/questionnaire-model.ts';
import { useIntakeAnswers } from '../lib/use-intake-answers.ts';
import { useIntakeSubmit } from '../lib/use-intake-submit.ts';
import { ConsentStep, preloadLaterSteps } from './later-steps.ts';
import { IntakeResult } from './intake-result.tsx';
import { QuestionList } from './question-list.tsx';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';

export interface IntakeFormProps {
  view: IntakeView;
  target: IntakeTarget;
  atReception: boolean;
  clinicPhone: string | undefined;
}

const NO_MISSING: ReadonlySet<string> = new Set();

/** The questionnaire one group per step, then the consent and sending, then the result. */
export function IntakeForm({ view, target, atReception, clinicPhone }: IntakeFormProps) {
  const { t } = useTranslation('intake');
  const errorText = useErrorText();
  const language = useLanguage();
  const { questionnaire } = view;
  const { answers, answer, index, saver, restored, storageKey } = useIntakeAnswers(view, target);
  const submit = useIntakeSubmit({ target, storageKey, initialConsent: view.consent, flush: saver.flush });
  useUnsavedChangesGuard(hasUnsavedAnswers(saver));
  const steps = useMemo(() => buildSteps(questionnaire), [questionnaire]);
  const consentStep = steps.length;
  const [stepIndex, setStepIndex] = useState(0);
  const [reachedEnd, setReachedEnd] = useState(false);
  const [focusTarget, setFocusTarget] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  // The body chart and the consent load once the first step is on screen (later-steps.ts).
  useEffect(preloadLaterSteps, []);

  const stepNames = [...steps.map((step) => (step.group ? splitTitle(textOf(step.group, language)).title : t('steps.label'))), t('steps.consent')];
  const currentStep = steps[stepIndex];
  const stepTitle = stepNames[stepIndex] ?? '';
  const stepIntro = currentStep?.group ? splitTitle(textOf(currentStep.group, language)).intro : undefined;

  // The list from the last save while the server is in step with the form; worked out here otherwise.
  const localMissing = useMemo(() => listMissingRequired(answers, questionnaire), [answers, questionnaire]);
  const baseMissing = saver.status === 'saved' && saver.missingRequired ? saver.missingRequired : localMissing;
  const missingIds = [...new Set([...baseMissing, ...submit.serverMissing.filter((id) => resolveAnswer(id, answers, index).kind === 'unanswered')])];
  const missing = missingIds.map((linkId) => {
    const item = index.get(linkId)?.item;
    return { linkId, label: item ? textOf(item, language) : linkId, stepName: stepNames[stepIndexOf(steps, linkId, index)] ?? '' };
  });
  const missingKey = missingIds.join(' ');
  const highlighted = useMemo(() => (reachedEnd ? new Set(missingKey.split(' ').filter(Boolean)) : NO_MISSING), [reachedEnd, missingKey]);

  const goToStep = (next: number) => {
    moved.current = true;
    if (next >= consentStep) setReachedEnd(true);
    setStepIndex(Math.max(0, Math.min(consentStep, next)));
  };
  const goToQuestion = (linkId: string) => {
    goToStep(stepIndexOf(steps, linkId, index));
    setFocusTarget(linkId);
  };

  // A new step starts at its heading; a link from the missing list lands on its question.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    if (focusTarget) {
      const element = document.getElementById(questionId(focusTarget));
      element?.scrollIntoView({ block: 'center' });
      element?.querySelector<HTMLElement>('input, textarea, select, button, [tabindex="0"]')?.focus({ preventScroll: true });
      setFocusTarget(undefined);
      return;
    }
    window.scrollTo({ top: 0 });
    headingRef.current?.focus({ preventScroll: true });
  }, [stepIndex, focusTarget]);

  useEffect(() => {
    if (submit.result) window.scrollTo({ top: 0 });
  }, [submit.result]);

  if (submit.result) return <IntakeResult result={submit.result} atReception={atReception} clinicPhone={clinicPhone} />;

  const saveConflict = saver.status === 'failed' && saver.error?.code === 'conflict';
  if (view.status === 'submitted' || submit.alreadySubmitted || saveConflict) {
    return (
      <div className="ik-flow">
        <Alert tone="success" title={t('submitted.title')}>
          <p>{t('submitted.body')}</p>
        </Alert>
        {submit.consent.signed ? null : (
          <Card as="section" className="ik-step">
            <h2 className="ik-step__title">{t('consent.title')}</h2>
            <Suspense fallback={<LoadingState label={t('loading')} />}>
              <ConsentStep
                consent={submit.consent}
                defaultName={typeof answers['full-name'] === 'string' ? answers['full-name'] : ''}
                missing={[]}
                onGoTo={goToQuestion}
                busy={submit.busy}
                error={submit.error}
                onSend={submit.signOnly}
              />
            </Suspense>
          </Card>
        )}
      </div>
    );
  }

  const onConsentStep = stepIndex === consentStep;
  return (
    <div className="ik-flow">
      <p className="ik-intro">{atReception ? t('staffSubtitle') : t('subtitle')}</p>
      {restored ? <Alert tone="info">{t('restored')}</Alert> : null}
      {view.answersHidden && !restored ? <Alert tone="info">{t('answersHidden')}</Alert> : null}
      <StepIndicator
        steps={stepNames}
        current={stepIndex}
        label={t('steps.label')}
        progressText={t('steps.progress', { current: stepIndex + 1, total: stepNames.length, name: stepTitle })}
      />
      <Card as="section" className="ik-step" aria-labelledby="ik-step-title" data-step={currentStep?.key ?? 'consent'}>
        <h2 className="ik-step__title" id="ik-step-title" ref={headingRef} tabIndex={-1}>
          {onConsentStep ? t('consent.title') : stepTitle}
        </h2>
        {stepIntro ? <p className="ik-hint">{stepIntro}</p> : null}
        {currentStep && !onConsentStep ? (
          <>
            <p className="ik-required-note">{t('requiredNote')}</p>
            <QuestionList items={currentStep.items} answers={answers} index={index} missing={highlighted} onAnswer={answer} />
          </>
        ) : (
          <Suspense fallback={<LoadingState label={t('loading')} />}>
            <ConsentStep
              consent={submit.consent}
              defaultName={typeof answers['full-name'] === 'string' ? answers['full-name'] : ''}
              missing={missing}
              onGoTo={goToQuestion}
              busy={submit.busy}
              error={submit.error}
              onSend={submit.send}
            />
          </Suspense>
        )}
      </Card>
      <div className="ik-nav">
        <Button variant="secondary" onClick={() => goToStep(stepIndex - 1)} disabled={stepIndex === 0}>
          {t('nav.back')}
        </Button>
        {/* ik-save: the intake's placement in the nav row (and the e2e tests' handle). */}
        <SaveStatus status={saver.status} className="ik-save">
          {saveStatusText(saver, t, errorText)}
        </SaveStatus>
        {onConsentStep ? (
          <span className="ik-nav__spacer" />
        ) : (
          <Button onClick={() => goToStep(stepIndex + 1)}>{stepIndex === consentStep - 1 ? t('nav.toConsent') : t('nav.next')}</Button>
        )}
      </div>
    </div>
  );
}
