import { useState } from 'react';
import type { PlanData, PlanGoal } from '@myomap/domain/treatment/treatment-schemas';
import { Button } from '../../../components/ui/button.tsx';
import { namesFor, type Knowledge } from '../lib/knowledge.ts';
import { NumberInput } from './number-input.tsx';
import { Pictogram } from './pictogram.tsx';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { formatDay } from '../../../lib/clinic-time/clinic-time.ts';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { Table } from '../../../components/ui/table.tsx';

interface SectionProps<T> {
  value: T;
  editable: boolean;
  onChange: (value: T) => void;
}

export function ProblemsEditor({ value, editable, onChange }: SectionProps<PlanData['problems']>) {
  const { t } = useTranslation(['treatment', 'common']);
  if (value.length === 0) return <MutedText>{t('plan.noProblems')}</MutedText>;
  return (
    <ol className="tr-problems">
      {value.map((problem, index) => (
        <li key={index} dir="auto">
          {editable ? (
            <span className="tr-row">
              <input
                className="tr-input"
                dir="auto"
                aria-label={t('plan.problemTitle', { n: index + 1 })}
                value={problem.title}
                maxLength={300}
                onChange={(event) => onChange(value.map((p, i) => (i === index ? { ...p, title: event.target.value } : p)))}
              />
              <button
                type="button"
                className="tr-icon-button tr-icon-button--danger"
                aria-label={t('common:actions.removeItem', { item: problem.title })}
                onClick={() => onChange(value.filter((_, i) => i !== index).map((p, i) => ({ ...p, priority: i + 1 })))}
              >
                ×
              </button>
            </span>
          ) : (
            problem.title
          )}
        </li>
      ))}
    </ol>
  );
}

export function ProtocolsEditor({ value, editable, onChange, kb }: SectionProps<string[]> & { kb: Knowledge }) {
  const { t } = useTranslation(['treatment', 'common']);
  const language = useLanguage();
  const names = namesFor(kb, language, { left: t('side.left'), right: t('side.right') });
  const [adding, setAdding] = useState('');
  const others = [...kb.protocols.values()].filter((p) => !value.includes(p.id));
  return (
    <>
      <ul className="tr-chips">
        {value.map((id, index) => (
          <li key={id} className="tr-chip" data-protocol={id}>
            {index === 0 && <span className="tr-chip__badge">{t('plan.primary')}</span>}
            {names.protocol(id)}
            {editable && (
              <button
                type="button"
                className="tr-chip__remove"
                aria-label={t('common:actions.removeItem', { item: names.protocol(id) })}
                onClick={() => onChange(value.filter((p) => p !== id))}
              >
                ×
              </button>
            )}
          </li>
        ))}
        {value.length === 0 && <li className="ui-muted">{t('plan.noProtocols')}</li>}
      </ul>
      {editable && others.length > 0 && (
        <div className="tr-inline-add">
          <select aria-label={t('plan.addProtocol')} value={adding} onChange={(event) => setAdding(event.target.value)}>
            <option value="">{t('plan.chooseProtocol')}</option>
            {others.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name[language]}
              </option>
            ))}
          </select>
          <Button
            variant="secondary"
            disabled={!adding}
            onClick={() => {
              onChange([...value, adding]);
              setAdding('');
            }}
          >
            {t('common:actions.add')}
          </Button>
        </div>
      )}
    </>
  );
}

export function PrecautionsEditor({ value, editable, onChange }: SectionProps<string[]>) {
  const { t } = useTranslation(['treatment', 'common']);
  const [adding, setAdding] = useState('');
  return (
    <>
      {value.length === 0 ? (
        <MutedText>{t('plan.noPrecautions')}</MutedText>
      ) : (
        <ul className="tr-precautions">
          {value.map((text, index) => (
            <li key={index}>
              <span dir="auto">{text}</span>
              {editable && (
                <button
                  type="button"
                  className="tr-icon-button tr-icon-button--small"
                  aria-label={t('common:actions.removeItem', { item: text })}
                  onClick={() => onChange(value.filter((_, i) => i !== index))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <div className="tr-inline-add">
          <input
            className="tr-input"
            aria-label={t('plan.addPrecaution')}
            placeholder={t('plan.addPrecaution')}
            value={adding}
            maxLength={500}
            onChange={(event) => setAdding(event.target.value)}
          />
          <Button
            variant="secondary"
            disabled={!adding.trim()}
            onClick={() => {
              onChange([...value, adding.trim()]);
              setAdding('');
            }}
          >
            {t('common:actions.add')}
          </Button>
        </div>
      )}
    </>
  );
}

export function FrequencyEditor({
  frequency,
  reassessmentDate,
  editable,
  onChange,
}: {
  frequency: PlanData['frequency'];
  reassessmentDate: string;
  editable: boolean;
  onChange: (patch: Partial<Pick<PlanData, 'frequency' | 'reassessmentDate'>>) => void;
}) {
  const { t } = useTranslation('treatment');
  const language = useLanguage();
  const setFrequency = (patch: Partial<PlanData['frequency']>) => {
    const next = { ...frequency, ...patch };
    // The total follows the rate and the weeks unless it is edited itself.
    if (!('totalSessions' in patch)) next.totalSessions = Math.min(52, Math.max(1, Math.round(next.sessionsPerWeek * next.weeks)));
    onChange({ frequency: next });
  };
  if (!editable) {
    return (
      <dl className="tr-facts">
        <dt>{t('plan.frequency')}</dt>
        <dd>{t('plan.frequencyText', { perWeek: frequency.sessionsPerWeek, weeks: frequency.weeks, total: frequency.totalSessions })}</dd>
        <dt>{t('plan.reassessment')}</dt>
        <dd>{formatDay(reassessmentDate, language, 'short')}</dd>
      </dl>
    );
  }
  return (
    <div className="tr-form-grid">
      <label className="tr-field">
        <span>{t('plan.sessionsPerWeek')}</span>
        <NumberInput
          className="tr-input"
          min={0.25}
          max={5}
          step={0.25}
          value={frequency.sessionsPerWeek}
          onValue={(v) => setFrequency({ sessionsPerWeek: v })}
        />
      </label>
      <label className="tr-field">
        <span>{t('plan.weeks')}</span>
        <NumberInput className="tr-input" min={1} max={26} value={frequency.weeks} onValue={(v) => setFrequency({ weeks: Math.round(v) })} />
      </label>
      <label className="tr-field">
        <span>{t('plan.totalSessions')}</span>
        <NumberInput className="tr-input" min={1} max={52} value={frequency.totalSessions} onValue={(v) => setFrequency({ totalSessions: Math.round(v) })} />
      </label>
      <label className="tr-field">
        <span>{t('plan.reassessment')}</span>
        <input
          className="tr-input"
          type="date"
          value={reassessmentDate}
          required
          onChange={(event) => event.target.value && onChange({ reassessmentDate: event.target.value })}
        />
      </label>
    </div>
  );
}

export function GoalsEditor({ value, editable, onChange }: SectionProps<PlanGoal[]>) {
  const { t } = useTranslation(['treatment', 'common']);
  const update = (index: number, patch: Partial<PlanGoal>) => onChange(value.map((g, i) => (i === index ? { ...g, ...patch } : g)));
  return (
    <>
      <Table bare>
        <thead>
          <tr>
            <th scope="col">{t('goals.measure')}</th>
            <th scope="col">{t('goals.baseline')}</th>
            <th scope="col">{t('goals.target')}</th>
            {editable && (
              <th scope="col">
                <span className="tr-visually-hidden">{t('actions.remove')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {value.map((goal, index) => {
            const name = goal.measure === 'nprs' ? t('goals.nprs') : goal.activity || t('goals.psfs');
            return (
              <tr key={index}>
                <td>
                  {goal.measure === 'psfs' && editable ? (
                    <label className="tr-field tr-field--inline">
                      <MutedText as="span" size="sm">
                        {t('goals.psfs')}
                      </MutedText>
                      <input
                        className="tr-input"
                        dir="auto"
                        aria-label={t('goals.activity', { n: index + 1 })}
                        value={goal.activity ?? ''}
                        maxLength={200}
                        onChange={(event) => update(index, { activity: event.target.value })}
                      />
                    </label>
                  ) : (
                    <>
                      <strong>{name}</strong>
                      {goal.measure === 'psfs' && (
                        <MutedText size="sm" as="span" className="tr-block">
                          {t('goals.psfs')}
                        </MutedText>
                      )}
                    </>
                  )}
                </td>
                <td>
                  {editable ? (
                    <NumberInput
                      className="tr-input tr-input--narrow"
                      aria-label={t('goals.baselineOf', { name })}
                      min={0}
                      max={10}
                      value={goal.baseline}
                      onValue={(v) => update(index, { baseline: Math.round(v) })}
                    />
                  ) : (
                    `${goal.baseline}/10`
                  )}
                </td>
                <td>
                  {editable ? (
                    <NumberInput
                      className="tr-input tr-input--narrow"
                      aria-label={t('goals.targetOf', { name })}
                      min={0}
                      max={10}
                      value={goal.target}
                      onValue={(v) => update(index, { target: Math.round(v) })}
                    />
                  ) : goal.measure === 'nprs' ? (
                    t('goals.orLess', { value: goal.target })
                  ) : (
                    t('goals.orMore', { value: goal.target })
                  )}
                </td>
                {editable && (
                  <td>
                    <button
                      type="button"
                      className="tr-icon-button tr-icon-button--danger"
                      aria-label={t('common:actions.removeItem', { item: name })}
                      onClick={() => onChange(value.filter((_, i) => i !== index))}
                    >
                      ×
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </Table>
      {value.length === 0 && <MutedText>{t('goals.none')}</MutedText>}
      <MutedText size="sm">{t('goals.why')}</MutedText>
      {editable && value.length < 10 && (
        <div className="tr-button-row">
          {!value.some((g) => g.measure === 'nprs') && (
            <Button variant="secondary" onClick={() => onChange([{ measure: 'nprs', baseline: 6, target: 4 }, ...value])}>
              {t('goals.addNprs')}
            </Button>
          )}
          <Button variant="secondary" onClick={() => onChange([...value, { measure: 'psfs', activity: '', baseline: 3, target: 6 }])}>
            {t('goals.addPsfs')}
          </Button>
        </div>
      )}
    </>
  );
}

export function HomeProgramEditor({ value, editable, onChange, kb }: SectionProps<PlanData['homeProgram']> & { kb: Knowledge }) {
  const { t } = useTranslation(['treatment', 'common']);
  const language = useLanguage();
  const names = namesFor(kb, language, { left: t('side.left'), right: t('side.right') });
  const [adding, setAdding] = useState('');
  const others = kb.selfCareList.filter((s) => !value.some((h) => h.selfCareId === s.id));
  return (
    <>
      <ul className="tr-home">
        {value.map((item, index) => {
          const care = kb.selfCare.get(item.selfCareId);
          const title = names.selfCare(item.selfCareId);
          return (
            <li key={item.selfCareId} className="tr-home__item">
              {care && <Pictogram kind={care.kind} label={t(`kinds.${care.kind}`)} size={48} />}
              <div className="tr-home__text">
                <strong>{title}</strong>
                {editable ? (
                  <label className="tr-field">
                    <span>{t('plan.dose')}</span>
                    <textarea
                      className="tr-input tr-textarea tr-textarea--short"
                      dir="auto"
                      rows={2}
                      value={names.dose(item.selfCareId, item.dose)}
                      maxLength={300}
                      onChange={(event) => onChange(value.map((h, i) => (i === index ? { ...h, dose: event.target.value } : h)))}
                    />
                  </label>
                ) : (
                  <MutedText as="span">{names.dose(item.selfCareId, item.dose)}</MutedText>
                )}
              </div>
              {editable && (
                <button
                  type="button"
                  className="tr-icon-button tr-icon-button--danger"
                  aria-label={t('common:actions.removeItem', { item: title })}
                  onClick={() => onChange(value.filter((_, i) => i !== index))}
                >
                  ×
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {value.length === 0 && <MutedText>{t('plan.noHomeProgram')}</MutedText>}
      {editable && others.length > 0 && (
        <div className="tr-inline-add">
          <select aria-label={t('plan.addHomeItem')} value={adding} onChange={(event) => setAdding(event.target.value)}>
            <option value="">{t('plan.chooseHomeItem')}</option>
            {others.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title[language]}
              </option>
            ))}
          </select>
          <Button
            variant="secondary"
            disabled={!adding}
            onClick={() => {
              const care = kb.selfCare.get(adding);
              if (!care) return;
              onChange([...value, { selfCareId: care.id, dose: care.defaultDose.en }]);
              setAdding('');
            }}
          >
            {t('common:actions.add')}
          </Button>
        </div>
      )}
    </>
  );
}
