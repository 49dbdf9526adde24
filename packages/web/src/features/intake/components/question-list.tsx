import type { IntakeAnswers, IntakeAnswerValue } from '@myomap/domain/screening/intake-answers';
import type { QuestionnaireIndex } from '@myomap/domain/screening/intake-questionnaire';
import type { QuestionnaireItem } from '@myomap/domain/screening/questionnaire-schemas';
import type { ReactNode } from 'react';
import { isShown, splitTitle, textOf } from '../lib/questionnaire-model.ts';
import { QuestionField } from './question-field.tsx';
import { useLanguage } from '../../../lib/i18n/language.ts';

export interface QuestionListProps {
  items: readonly QuestionnaireItem[];
  answers: IntakeAnswers;
  index: QuestionnaireIndex;
  /** Required questions to point out (after the patient reached the end with them blank). */
  missing: ReadonlySet<string>;
  onAnswer(linkId: string, value: IntakeAnswerValue | undefined): void;
}

/**
 * The items of a step, in order: subgroups as titled sections, questions switched off by their
 * enableWhen left out. An "…-activity" question followed by its "…-score" (the PSFS) share a box.
 */
export function QuestionList({ items, answers, index, missing, onAnswer }: QuestionListProps) {
  const language = useLanguage();
  const field = (item: QuestionnaireItem) => (
    <QuestionField
      key={item.linkId}
      item={item}
      value={answers[item.linkId]}
      missing={missing.has(item.linkId)}
      onChange={(value) => onAnswer(item.linkId, value)}
    />
  );
  const rendered: ReactNode[] = [];
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i];
    if (!item || !isShown(item.linkId, answers, index)) continue;
    if (item.type === 'group') {
      const { title, intro } = splitTitle(textOf(item, language));
      rendered.push(
        <section key={item.linkId} className="ik-group" aria-labelledby={`${item.linkId}-title`}>
          <h3 className="ik-group__title" id={`${item.linkId}-title`}>
            {title}
          </h3>
          {intro ? <p className="ik-hint">{intro}</p> : null}
          <QuestionList items={item.item ?? []} answers={answers} index={index} missing={missing} onAnswer={onAnswer} />
        </section>,
      );
      continue;
    }
    const next = items[i + 1];
    if (item.linkId.endsWith('-activity') && next?.linkId === item.linkId.replace(/-activity$/, '-score')) {
      rendered.push(
        <div key={item.linkId} className="ik-pair">
          {field(item)}
          {isShown(next.linkId, answers, index) ? field(next) : null}
        </div>,
      );
      i += 1;
      continue;
    }
    rendered.push(field(item));
  }
  return <div className="ik-questions">{rendered}</div>;
}
