import type { Side } from '../api/treatment-api.ts';
import type { Knowledge } from '../lib/knowledge.ts';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';

/** The muscle and side pickers used to add a muscle to a plan or a note; muscles sorted by name in the current language. */
export function MuscleSideSelects(props: {
  kb: Knowledge;
  muscleLabel: string;
  muscle: string;
  side: '' | Side;
  onMuscle: (muscleId: string) => void;
  onSide: (side: '' | Side) => void;
}) {
  const { t } = useTranslation('treatment');
  const language = useLanguage();
  const options = [...props.kb.muscleList].sort((a, b) => a.name[language].localeCompare(b.name[language], language));
  return (
    <>
      <select aria-label={props.muscleLabel} value={props.muscle} onChange={(e) => props.onMuscle(e.target.value)}>
        <option value="">{t('plan.chooseMuscle')}</option>
        {options.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name[language]}
          </option>
        ))}
      </select>
      <select aria-label={t('plan.side')} value={props.side} onChange={(e) => props.onSide(e.target.value as '' | Side)}>
        <option value="">{t('side.none')}</option>
        <option value="left">{t('side.left')}</option>
        <option value="right">{t('side.right')}</option>
      </select>
    </>
  );
}
