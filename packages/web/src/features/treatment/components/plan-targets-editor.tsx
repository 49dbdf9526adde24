import { useState } from 'react';
import type { PlanTarget } from '@myomap/domain/treatment/treatment-schemas';
import { Button } from '../../../components/ui/button.tsx';
import type { Side } from '../api/treatment-api.ts';
import { namesFor, type Knowledge } from '../lib/knowledge.ts';
import { defaultParameters, DoseFields, useDoseText } from './dose-fields.tsx';
import { MuscleSideSelects } from './muscle-side-selects.tsx';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { isOneOf } from '../../../lib/i18n/keys.ts';
import { Tag } from '../../../components/ui/tag.tsx';
import { MutedText } from '../../../components/ui/muted-text.tsx';

/** The reason codes written by proposeTreatmentPlan (§3.1 rules a-c), in words. */
export function useReasonText() {
  const { t } = useTranslation('treatment');
  const language = useLanguage();
  return (reason: string, kb: Knowledge) => {
    if (reason.startsWith('protocol:')) {
      const id = reason.slice('protocol:'.length);
      return t('reason.protocol', { name: kb.protocols.get(id)?.name[language] ?? id });
    }
    const known = ['active_trp_familiar', 'active_trp', 'source_candidate', 'latent_trp', 'therapist'] as const;
    return isOneOf(known, reason) ? t(`reason.${reason}`) : reason;
  };
}

function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** Ordered target muscles, each with its techniques and their parameters. */
export function PlanTargetsEditor({
  targets,
  kb,
  editable,
  onChange,
}: {
  targets: PlanTarget[];
  kb: Knowledge;
  editable: boolean;
  onChange: (targets: PlanTarget[]) => void;
}) {
  const { t } = useTranslation(['treatment', 'common']);
  const language = useLanguage();
  const names = namesFor(kb, language, { left: t('side.left'), right: t('side.right') });
  const reasonText = useReasonText();
  const doseText = useDoseText();
  const [newMuscle, setNewMuscle] = useState('');
  const [newSide, setNewSide] = useState<'' | Side>('');
  const [newTechnique, setNewTechnique] = useState<Record<number, string>>({});

  const update = (index: number, target: PlanTarget) => onChange(targets.map((item, i) => (i === index ? target : item)));

  const addTarget = () => {
    if (!newMuscle) return;
    const listed = kb.muscleList.find((m) => m.id === newMuscle);
    if (!listed) return;
    onChange([...targets, { muscleId: newMuscle, ...(newSide ? { side: newSide } : {}), reason: 'therapist', techniques: [] }]);
    setNewMuscle('');
    setNewSide('');
  };

  return (
    <>
      <ol className="tr-targets">
        {targets.map((target, index) => {
          const label = names.muscle(target.muscleId, target.side);
          const available = kb.techniqueList.filter((tech) => !target.techniques.some((d) => d.techniqueId === tech.id));
          return (
            <li key={`${target.muscleId}:${target.side ?? ''}:${index}`} className="tr-target" data-muscle={target.muscleId}>
              <div className="tr-target__head">
                <span className="tr-target__number" aria-hidden="true">
                  {index + 1}
                </span>
                <div className="tr-target__title">
                  <h3>{label}</h3>
                  <Tag>{reasonText(target.reason, kb)}</Tag>
                </div>
                {editable && (
                  <div className="tr-target__tools">
                    <button
                      type="button"
                      className="tr-icon-button"
                      aria-label={t('plan.moveUp', { item: label })}
                      disabled={index === 0}
                      onClick={() => onChange(move(targets, index, index - 1))}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="tr-icon-button"
                      aria-label={t('plan.moveDown', { item: label })}
                      disabled={index === targets.length - 1}
                      onClick={() => onChange(move(targets, index, index + 1))}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="tr-icon-button tr-icon-button--danger"
                      aria-label={t('common:actions.removeItem', { item: label })}
                      onClick={() => onChange(targets.filter((_, i) => i !== index))}
                    >
                      ×
                    </button>
                  </div>
                )}
              </div>
              <ul className="tr-techniques">
                {target.techniques.map((dose, techniqueIndex) => {
                  const technique = kb.techniques.get(dose.techniqueId);
                  const techniqueName = names.technique(dose.techniqueId);
                  return (
                    <li key={dose.techniqueId} className="tr-technique">
                      <div className="tr-technique__name">
                        <span className="tr-technique__step" aria-hidden="true">
                          {techniqueIndex + 1}.
                        </span>
                        {techniqueName}
                        {editable && (
                          <button
                            type="button"
                            className="tr-icon-button tr-icon-button--small"
                            aria-label={t('common:actions.removeItem', { item: `${label}: ${techniqueName}` })}
                            onClick={() => update(index, { ...target, techniques: target.techniques.filter((_, i) => i !== techniqueIndex) })}
                          >
                            ×
                          </button>
                        )}
                      </div>
                      {editable ? (
                        <DoseFields
                          technique={technique}
                          parameters={dose.parameters}
                          labelPrefix={`${label}, ${techniqueName}`}
                          onChange={(parameters) =>
                            update(index, { ...target, techniques: target.techniques.map((d, i) => (i === techniqueIndex ? { ...d, parameters } : d)) })
                          }
                        />
                      ) : (
                        <p className="tr-technique__dose">{doseText(technique, dose.parameters)}</p>
                      )}
                    </li>
                  );
                })}
              </ul>
              {editable && available.length > 0 && (
                <div className="tr-inline-add">
                  <select
                    aria-label={t('plan.addTechniqueTo', { item: label })}
                    value={newTechnique[index] ?? ''}
                    onChange={(event) => setNewTechnique({ ...newTechnique, [index]: event.target.value })}
                  >
                    <option value="">{t('plan.chooseTechnique')}</option>
                    {available.map((tech) => (
                      <option key={tech.id} value={tech.id}>
                        {tech.name[language]}
                      </option>
                    ))}
                  </select>
                  <Button
                    variant="secondary"
                    disabled={!newTechnique[index]}
                    onClick={() => {
                      const techniqueId = newTechnique[index];
                      if (!techniqueId) return;
                      update(index, {
                        ...target,
                        techniques: [...target.techniques, { techniqueId, parameters: defaultParameters(kb.techniques.get(techniqueId)) }],
                      });
                      setNewTechnique({ ...newTechnique, [index]: '' });
                    }}
                  >
                    {t('plan.addTechnique')}
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {targets.length === 0 && <MutedText>{t('plan.noTargets')}</MutedText>}
      {editable && (
        <div className="tr-inline-add">
          <MuscleSideSelects kb={kb} muscleLabel={t('plan.muscle')} muscle={newMuscle} side={newSide} onMuscle={setNewMuscle} onSide={setNewSide} />
          <Button variant="secondary" disabled={!newMuscle} onClick={addTarget}>
            {t('plan.addTarget')}
          </Button>
        </div>
      )}
    </>
  );
}
