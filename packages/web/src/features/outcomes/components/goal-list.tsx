import { useTranslation } from 'react-i18next';
import { Tag, type TagTone } from '../../../components/ui/tag.tsx';
import { formatDay } from '../../../lib/clinic-time/clinic-time.ts';
import { useLanguage } from '../../../lib/i18n/language.ts';
import type { EpisodeProgressOut } from '../api/outcomes-api.ts';
import { formatNumber } from '../lib/format-figures.ts';

type Goal = EpisodeProgressOut['goals'][number];
const TONES: Record<Goal['status'], TagTone> = { met: 'success', not_met: 'warning', not_yet_measured: 'neutral' };

/** The treatment plan's goals, each met, not met, or not yet measured (check-goals.ts). */
export function GoalList({ goals }: { goals: EpisodeProgressOut['goals'] }) {
  const { t } = useTranslation('outcomes');
  const language = useLanguage();
  if (goals.length === 0) return <p className="oc-muted">{t('progress.noGoals')}</p>;
  return (
    <ul className="oc-goals">
      {goals.map(({ goal, status, latest }, index) => {
        const values = { target: formatNumber(goal.target, language), baseline: formatNumber(goal.baseline, language), activity: goal.activity ?? '' };
        const text =
          goal.measure === 'nprs' ? t('progress.goal.nprs', values) : goal.activity ? t('progress.goal.psfs', values) : t('progress.goal.psfsMean', values);
        return (
          <li key={`${goal.measure}-${goal.activity ?? ''}-${index}`} className="oc-goal" data-goal-status={status}>
            <span>{text}</span>
            <Tag tone={TONES[status]} strong>
              {t(`progress.goalStatus.${status}`)}
            </Tag>
            {latest ? (
              <span className="oc-muted">
                {t('progress.latest', { value: formatNumber(latest.value, language), date: formatDay(latest.on, language, 'short') })}
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
