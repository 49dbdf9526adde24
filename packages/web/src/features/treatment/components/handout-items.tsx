import type { PlanData } from '@myomap/domain/treatment/treatment-schemas';
import { namesFor, type Knowledge } from '../lib/knowledge.ts';
import { Pictogram } from './pictogram.tsx';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';

/** The home program as the patient reads it: a pictogram, what to do, how often, and cautions. */
export function HandoutItems({ items, kb, compact = false }: { items: PlanData['homeProgram']; kb: Knowledge; compact?: boolean }) {
  const { t } = useTranslation('treatment');
  const language = useLanguage();
  const names = namesFor(kb, language, { left: t('side.left'), right: t('side.right') });
  return (
    <ol className={`tr-handout${compact ? ' tr-handout--compact' : ''}`}>
      {items.map((item, index) => {
        const care = kb.selfCare.get(item.selfCareId);
        return (
          <li key={item.selfCareId} className="tr-handout__item" data-self-care={item.selfCareId}>
            <div className="tr-handout__picture">{care && <Pictogram kind={care.kind} label={t(`kinds.${care.kind}`)} size={compact ? 48 : 72} />}</div>
            <div className="tr-handout__body">
              <h3>
                <span className="tr-handout__n" aria-hidden="true">
                  {index + 1}
                </span>
                {names.selfCare(item.selfCareId)}
              </h3>
              {!compact && care && <p>{care.instructions[language]}</p>}
              <p className="tr-handout__dose">
                <strong>{t('handout.dose')}:</strong> {names.dose(item.selfCareId, item.dose)}
              </p>
              {!compact && care && care.cautions.length > 0 && (
                <ul className="tr-handout__cautions">
                  {care.cautions.map((c) => (
                    <li key={c.en}>{c[language]}</li>
                  ))}
                </ul>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
