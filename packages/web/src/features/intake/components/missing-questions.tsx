import { Alert } from '../../../components/ui/alert.tsx';
import { questionId } from '../lib/questionnaire-model.ts';
import { useTranslation } from 'react-i18next';

export interface MissingQuestion {
  linkId: string;
  label: string;
  stepName: string;
}

/** The required questions still blank, grouped by step, each a link that opens its step at the question. */
export function MissingQuestions({ missing, onGoTo }: { missing: readonly MissingQuestion[]; onGoTo(linkId: string): void }) {
  const { t } = useTranslation('intake');
  if (missing.length === 0) return <p className="ik-all-answered">✓ {t('missing.done')}</p>;
  const byStep = new Map<string, MissingQuestion[]>();
  for (const question of missing) byStep.set(question.stepName, [...(byStep.get(question.stepName) ?? []), question]);
  return (
    <Alert tone="warning" title={t('missing.title')}>
      <p>{t('missing.intro')}</p>
      <div className="ik-missing" data-testid="missing-required">
        {[...byStep].map(([stepName, questions]) => (
          <div key={stepName}>
            <p className="ik-missing__step">{stepName}</p>
            <ul>
              {questions.map((question) => (
                <li key={question.linkId}>
                  <a
                    href={`#${questionId(question.linkId)}`}
                    data-link-id={question.linkId}
                    onClick={(event) => {
                      event.preventDefault();
                      onGoTo(question.linkId);
                    }}
                  >
                    {question.label}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </Alert>
  );
}
