import { answersFromQuestionnaireResponse, type IntakeAnswers, type IntakeAnswerValue } from '@myomap/domain/screening/intake-answers';
import { indexQuestionnaire } from '@myomap/domain/screening/intake-questionnaire';
import { responseFromAnswers } from '@myomap/domain/screening/response-from-answers';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { intakeApi, storageKeyOf, type IntakeTarget, type IntakeView } from '../api/intake-api.ts';
import { clearLocalCopy, readLocalCopy } from './intake-storage.ts';
import { applicableAnswers } from './questionnaire-model.ts';
import { useProgressiveSave } from './use-progressive-save.ts';
import { useLanguage } from '../../../lib/i18n/language.ts';

/**
 * The answers being edited, saved progressively. They start from the server's copy, unless
 * this device holds newer answers that never reached the server (the connection dropped or the
 * tab closed): those win and are sent straight away.
 */
export function useIntakeAnswers(view: IntakeView, target: IntakeTarget) {
  const language = useLanguage();
  const storageKey = storageKeyOf(target);
  const { questionnaire } = view;
  const index = useMemo(() => indexQuestionnaire(questionnaire), [questionnaire]);

  const [initial] = useState(() => {
    const fromServer: IntakeAnswers = view.response ? answersFromQuestionnaireResponse(view.response, questionnaire) : {};
    if (view.status === 'submitted') {
      clearLocalCopy(storageKey);
      return { fromServer, answers: fromServer, restored: false };
    }
    const local = readLocalCopy(storageKey);
    return local?.dirty ? { fromServer, answers: local.answers, restored: true } : { fromServer, answers: fromServer, restored: false };
  });
  const [answers, setAnswers] = useState<IntakeAnswers>(initial.answers);
  const current = useRef(initial.answers);

  // Each save is a mutation; useProgressiveSave decides when to send (debounced, one at a time,
  // retried while offline), so the mutation itself never retries, and is sent even when the browser
  // says it is offline (networkMode 'always'): the failure is what shows "Offline – will retry".
  const { mutateAsync: save } = useMutation({
    networkMode: 'always',
    mutationFn: (next: IntakeAnswers) => intakeApi.save(target, responseFromAnswers(applicableAnswers(next, index), 'in-progress', questionnaire), language),
  });
  const saver = useProgressiveSave(save, storageKey);
  const { reset, change } = saver;

  useEffect(() => {
    reset(initial.fromServer, view.savedAt ?? undefined);
    if (initial.restored) change(initial.answers);
  }, [reset, change, initial, view.savedAt]);

  const answer = useCallback(
    (linkId: string, value: IntakeAnswerValue | undefined) => {
      const next: Record<string, IntakeAnswerValue | undefined> = { ...current.current };
      if (value === undefined) delete next[linkId];
      else next[linkId] = value;
      current.current = next;
      setAnswers(next);
      change(next);
    },
    [change],
  );

  return { answers, answer, index, saver, restored: initial.restored, storageKey };
}
