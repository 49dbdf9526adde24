import '../education.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageFrame } from '../../../components/ui/page-frame.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { educationApi, type ModerateQuestionIn, type QuestionOut } from '../api/education-api.ts';
import { questionsQuery } from '../api/education-queries.ts';

function QuestionCard({ question }: { question: QuestionOut }) {
  const { t } = useTranslation('education');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const answerId = useId();
  const overrideId = useId();
  const [answer, setAnswer] = useState('');
  const [override, setOverride] = useState(false);
  const flagged = question.flags.length > 0;
  const moderate = useMutation({
    mutationFn: (decision: ModerateQuestionIn['decision']) =>
      educationApi.moderate(question.id, {
        decision,
        ...(answer.trim() ? { answer } : {}),
        ...(decision === 'publish' && override ? { overrideFlags: true } : {}),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['education'] }),
  });
  return (
    <li className="edu-question">
      <p className="edu-question__meta">
        {t('questions.from')}: <bdi>{question.name ?? t('questions.anonymous')}</bdi> · <span dir="ltr">{question.email}</span> · {t('questions.article')}:{' '}
        <bdi lang={question.lang}>{question.articleTitle}</bdi>
      </p>
      <blockquote lang={question.lang} dir="auto">
        {question.question}
      </blockquote>
      {flagged ? (
        <p>
          <Tag tone="danger" strong>
            {t('questions.flagged')}
          </Tag>{' '}
          {question.flags.map((flag) => t(`questions.flags.${flag}`)).join(', ')}
        </p>
      ) : null}
      {moderate.error ? <Alert tone="error">{errorText(moderate.error)}</Alert> : null}
      <div className="ui-field">
        <label className="ui-field__label" htmlFor={answerId}>
          {t('questions.answer')}
        </label>
        <textarea id={answerId} className="ui-field__control" rows={4} maxLength={5000} value={answer} onChange={(e) => setAnswer(e.target.value)} dir="auto" />
      </div>
      {flagged ? (
        <p className="edu-check">
          <input id={overrideId} type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} />
          <label htmlFor={overrideId}>{t('questions.override')}</label>
        </p>
      ) : null}
      <div className="edu-actions">
        <Button variant={flagged ? 'secondary' : 'primary'} busy={moderate.isPending} onClick={() => moderate.mutate('publish')}>
          {t('questions.publish')}
        </Button>
        <Button variant={flagged ? 'primary' : 'secondary'} busy={moderate.isPending} onClick={() => moderate.mutate('private')}>
          {t('questions.private')}
        </Button>
        <Button variant="secondary" busy={moderate.isPending} onClick={() => moderate.mutate('reject')}>
          {t('questions.reject')}
        </Button>
      </div>
    </li>
  );
}

/** /staff/questions — the moderation queue of "Leave a reply", oldest first. */
export function QuestionsPage() {
  const { t } = useTranslation(['education', 'common']);
  const errorText = useErrorText();
  const list = useQuery(questionsQuery);

  useEffect(() => {
    document.title = t('questions.title');
  }, [t]);

  return (
    <PageFrame title={t('questions.title')} description={t('questions.description')} width="narrow">
      {list.error ? <Alert tone="error">{errorText(list.error)}</Alert> : null}
      {!list.data ? (
        <LoadingState label={t('common:loading')} />
      ) : list.data.length === 0 ? (
        <EmptyState>{t('questions.none')}</EmptyState>
      ) : (
        <ul className="edu-questions">
          {list.data.map((q) => (
            <QuestionCard key={q.id} question={q} />
          ))}
        </ul>
      )}
    </PageFrame>
  );
}
