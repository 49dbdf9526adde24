import type { IntakeAnswerValue } from '@myomap/domain/screening/intake-answers';
import type { QuestionnaireItem } from '@myomap/domain/screening/questionnaire-schemas';
import { Card } from '../../../components/ui/card.tsx';
import { useSafetyLabels } from '../lib/use-safety-labels.ts';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { useTranslation } from 'react-i18next';

/** Every answer, in questionnaire order under its section, folded away until asked for. */
export function AnswersPanel({ answers }: { answers: Record<string, IntakeAnswerValue> }) {
  const { t } = useTranslation('safety');
  const { questionnaire, questionText, answerText } = useSafetyLabels();
  const answered = (item: QuestionnaireItem): QuestionnaireItem[] =>
    item.type === 'group' ? (item.item ?? []).flatMap(answered) : answers[item.linkId] !== undefined ? [item] : [];
  const sections = questionnaire.item.map((group) => ({ group, items: answered(group) })).filter((s) => s.items.length > 0);
  return (
    <Card as="section" className="sf-card" aria-labelledby="sf-answers-title">
      <h2 id="sf-answers-title">{t('answers.title')}</h2>
      {sections.length === 0 ? (
        <MutedText>{t('answers.none')}</MutedText>
      ) : (
        <details className="sf-answers">
          <summary>{t('answers.show')}</summary>
          {sections.map(({ group, items }) => (
            <section key={group.linkId}>
              <h3>{questionText(group.linkId).split('. ')[0]}</h3>
              <dl className="sf-details sf-details--answers">
                {items.map((item) => {
                  const value = answers[item.linkId];
                  return value === undefined ? null : (
                    <div key={item.linkId} className="sf-answer" data-link-id={item.linkId}>
                      <dt>{questionText(item.linkId)}</dt>
                      <dd className={value === true ? 'sf-answer--yes' : undefined}>
                        <bdi>{answerText(item.linkId, value)}</bdi>
                      </dd>
                    </div>
                  );
                })}
              </dl>
            </section>
          ))}
        </details>
      )}
    </Card>
  );
}
