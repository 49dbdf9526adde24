import type { IntakeAnswerValue } from '@myomap/domain/screening/intake-answers';
import { indexQuestionnaire, localizedText } from '@myomap/domain/screening/intake-questionnaire';
import { intakeQuestionnaire } from '@myomap/domain/screening/intake-questionnaire-data';
import { ITEM_CONTROL_EXTENSION, TEXT_AR_EXTENSION } from '@myomap/domain/screening/questionnaire-extensions';
import type { QuestionnaireItem } from '@myomap/domain/screening/questionnaire-schemas';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { type Names } from '../api/safety-api.ts';
import { bodyZonesQuery } from '../api/safety-queries.ts';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { formatInstant } from '../../../lib/clinic-time/clinic-time.ts';

const index = indexQuestionnaire(intakeQuestionnaire);

/** Zone names for avoid-zones and body-chart answers; ids stand in until they arrive (or if they cannot). */
function useZoneNames(): ReadonlyMap<string, Names> {
  const { data } = useQuery(bodyZonesQuery);
  return useMemo(() => new Map((data ?? []).map((zone) => [zone.id, zone.label])), [data]);
}

function optionText(item: QuestionnaireItem, code: string, language: 'en' | 'ar'): string {
  const option = item.answerOption?.find((o) => o.valueCoding.code === code)?.valueCoding;
  if (!option) return code;
  return language === 'ar' ? (option.extension?.find((e) => e.url === TEXT_AR_EXTENSION)?.valueString ?? option.display) : option.display;
}

const isChart = (item: QuestionnaireItem) => item.extension?.some((e) => e.url === ITEM_CONTROL_EXTENSION) ?? false;

/** Everything the safety page shows in words: dates in clinic time, questions, answers, zones and screening reasons. */
export function useSafetyLabels() {
  const { t } = useTranslation(['safety', 'common']);
  const language = useLanguage();
  const timeZone = useClinicTimeZone();
  const zoneNames = useZoneNames();

  const pick = useCallback((names: Names) => (language === 'ar' ? names.ar || names.en : names.en), [language]);

  const zoneLabel = useCallback(
    (zone: string, side?: string) => {
      const names = zoneNames.get(zone);
      const label = names ? pick(names) : zone.replace(/_/g, ' ');
      return side === 'left' || side === 'right' ? t('withSide', { label, side: t(`side.${side}`) }) : label;
    },
    [zoneNames, pick, t],
  );

  const dateTime = useCallback((iso: string) => formatInstant(iso, timeZone, language, 'medium'), [language, timeZone]);

  const questionText = useCallback(
    (linkId: string) => {
      const item = index.get(linkId)?.item;
      return item ? localizedText(item)[language] : linkId;
    },
    [language],
  );

  const answerText = useCallback(
    (linkId: string, value: IntakeAnswerValue): string => {
      const item = index.get(linkId)?.item;
      if (typeof value === 'boolean') return value ? t('common:answers.yes') : t('common:answers.no');
      if (!item) return Array.isArray(value) ? value.join(', ') : String(value);
      if (item.type === 'choice')
        return (typeof value === 'object' ? value : [String(value)]).map((code) => optionText(item, code, language)).join(language === 'ar' ? '، ' : ', ');
      if (isChart(item) && typeof value === 'string') {
        try {
          const entries = JSON.parse(value) as { zone: string; side?: string; intensity?: number }[];
          return entries
            .map((e) => `${zoneLabel(e.zone, e.side)}${e.intensity !== undefined ? `: ${e.intensity}/10` : ''}`)
            .join(language === 'ar' ? '؛ ' : '; ');
        } catch {
          return value;
        }
      }
      return Array.isArray(value) ? value.join(', ') : String(value);
    },
    [language, t, zoneLabel],
  );

  /** Screening reasons read "nmd-twitching: yes": name the question and translate the answer where we can. */
  const reasonText = useCallback(
    (reason: string) => {
      const match = /^(context: )?([a-z0-9-]+): (.+)$/.exec(reason);
      if (!match || !index.has(match[2] ?? '')) return reason;
      const [, context, linkId = '', rawValue = ''] = match;
      const known: Record<string, string> = {
        yes: t('common:answers.yes'),
        no: t('common:answers.no'),
        'not answered': t('answers.notAnswered'),
        'not asked': t('answers.notAsked'),
      };
      const value = known[rawValue] ?? rawValue;
      return `${context ? `(${t('context')}) ` : ''}${questionText(linkId)} — ${value}`;
    },
    [t, questionText],
  );

  return useMemo(
    () => ({ language, pick, zoneLabel, dateTime, questionText, answerText, reasonText, questionnaire: intakeQuestionnaire, index }),
    [language, pick, zoneLabel, dateTime, questionText, answerText, reasonText],
  );
}
