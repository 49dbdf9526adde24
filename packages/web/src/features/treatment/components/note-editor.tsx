import { useId, useState, type ReactNode } from 'react';
import type { NoteData } from '@myomap/domain/treatment/treatment-schemas';
import { BodyChart } from '../../../components/body-chart/body-chart.tsx';
import { BodyZonesProvider } from '../../../components/body-chart/body-zones.tsx';
import { PainMapEditor } from '../../../components/body-chart/pain-map-editor.tsx';
import { Button } from '../../../components/ui/button.tsx';
import type { Side } from '../api/treatment-api.ts';
import { namesFor, type Knowledge } from '../lib/knowledge.ts';
import { defaultParameters, DoseFields } from './dose-fields.tsx';
import { MuscleSideSelects } from './muscle-side-selects.tsx';
import { ScoreSelect } from './score-select.tsx';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';

type Applied = NoteData['techniques'][number];

function Block({ title, children, id }: { title: string; id: string; children: ReactNode }) {
  return (
    <section className="tr-card tr-soap" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** Techniques applied, grouped by muscle and side in the order they were first listed. */
export function groupTechniques(
  techniques: readonly Applied[],
): { key: string; muscleId: string; side?: Side; items: { applied: Applied; index: number }[] }[] {
  const groups = new Map<string, { key: string; muscleId: string; side?: Side; items: { applied: Applied; index: number }[] }>();
  techniques.forEach((applied, index) => {
    const key = `${applied.muscleId}:${applied.side ?? ''}`;
    const group = groups.get(key) ?? { key, muscleId: applied.muscleId, ...(applied.side ? { side: applied.side } : {}), items: [] };
    group.items.push({ applied, index });
    groups.set(key, group);
  });
  return [...groups.values()];
}

/** The SOAP note of a session, while it is a draft. */
export function NoteEditor({ data, kb, onChange }: { data: NoteData; kb: Knowledge; onChange: (data: NoteData) => void }) {
  const { t } = useTranslation(['treatment', 'common']);
  const language = useLanguage();
  const names = namesFor(kb, language, { left: t('side.left'), right: t('side.right') });
  const ids = useId();
  const [muscle, setMuscle] = useState('');
  const [side, setSide] = useState<'' | Side>('');
  const [technique, setTechnique] = useState('');
  const [tpMuscle, setTpMuscle] = useState('');
  const [tpSide, setTpSide] = useState<'' | Side>('');
  const [tpActivity, setTpActivity] = useState<'active' | 'latent'>('active');

  const set = <K extends keyof NoteData>(key: K, value: NoteData[K]) => onChange({ ...data, [key]: value });
  const setTechniques = (techniques: Applied[]) => set('techniques', techniques);
  const toggleZone = (zone: string, zoneSide: Side | undefined) => {
    const painMap = data.objective.painMap;
    const exists = painMap.some((m) => m.zone === zone && m.side === zoneSide);
    const next = exists
      ? painMap.filter((m) => !(m.zone === zone && m.side === zoneSide))
      : [...painMap, { zone, ...(zoneSide ? { side: zoneSide } : {}), intensity: 5 }];
    set('objective', { ...data.objective, painMap: next });
  };

  return (
    <div className="tr-soap-grid">
      <Block id={`${ids}-s`} title={t('note.subjective')}>
        <label className="tr-field">
          <span>{t('note.report')}</span>
          <textarea
            className="tr-input tr-textarea"
            dir="auto"
            value={data.subjective.report}
            maxLength={4000}
            onChange={(e) => set('subjective', { ...data.subjective, report: e.target.value })}
          />
        </label>
        <div className="tr-form-grid">
          <label className="tr-field">
            <span>{t('note.painToday')}</span>
            {/* "Not measured" is the explicit first choice and the default: a default of 0 would read as "no pain". */}
            <ScoreSelect
              className="tr-input"
              value={data.subjective.pain}
              onValue={(pain) => set('subjective', { ...data.subjective, pain })}
              aria-describedby={`${ids}-pain-hint`}
            />
            <small id={`${ids}-pain-hint`} className="tr-muted tr-small">
              {t('note.painHint')}
            </small>
          </label>
          <label className="tr-field">
            <span>{t('note.soreness')}</span>
            <ScoreSelect
              className="tr-input"
              value={data.subjective.sorenessSinceLast}
              onValue={(sorenessSinceLast) => set('subjective', { ...data.subjective, sorenessSinceLast })}
            />
          </label>
        </div>
      </Block>

      <Block id={`${ids}-o`} title={t('note.objective')}>
        <label className="tr-field">
          <span>{t('note.findings')}</span>
          <textarea
            className="tr-input tr-textarea"
            dir="auto"
            value={data.objective.findings}
            maxLength={4000}
            onChange={(e) => set('objective', { ...data.objective, findings: e.target.value })}
          />
        </label>
        <h3>{t('note.bodyChart')}</h3>
        <p className="tr-muted tr-small">{t('note.bodyChartHint')}</p>
        <BodyZonesProvider zones={kb.zoneList}>
          <div className="tr-chart-pair">
            <BodyChart zones={kb.zoneList} marks={data.objective.painMap} onToggle={toggleZone} />
            <PainMapEditor painMap={data.objective.painMap} onChange={(painMap) => set('objective', { ...data.objective, painMap })} />
          </div>
        </BodyZonesProvider>
        <h3>{t('note.tpTreated')}</h3>
        <ul className="tr-list">
          {data.objective.triggerPointsTreated.map((tp, index) => (
            <li key={`${tp.muscleId}:${tp.side ?? ''}:${index}`} className="tr-row">
              <span>
                {names.muscle(tp.muscleId, tp.side)} · {t(`note.activity.${tp.activity}`)}
              </span>
              <button
                type="button"
                className="tr-icon-button tr-icon-button--small"
                aria-label={t('common:actions.removeItem', { item: names.muscle(tp.muscleId, tp.side) })}
                onClick={() => set('objective', { ...data.objective, triggerPointsTreated: data.objective.triggerPointsTreated.filter((_, i) => i !== index) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <div className="tr-inline-add">
          <MuscleSideSelects kb={kb} muscleLabel={t('note.tpMuscle')} muscle={tpMuscle} side={tpSide} onMuscle={setTpMuscle} onSide={setTpSide} />
          <select aria-label={t('note.tpActivity')} value={tpActivity} onChange={(e) => setTpActivity(e.target.value as 'active' | 'latent')}>
            <option value="active">{t('note.activity.active')}</option>
            <option value="latent">{t('note.activity.latent')}</option>
          </select>
          <Button
            variant="secondary"
            disabled={!tpMuscle}
            onClick={() => {
              set('objective', {
                ...data.objective,
                triggerPointsTreated: [
                  ...data.objective.triggerPointsTreated,
                  { muscleId: tpMuscle, ...(tpSide ? { side: tpSide } : {}), activity: tpActivity },
                ],
              });
              setTpMuscle('');
            }}
          >
            {t('common:actions.add')}
          </Button>
        </div>
      </Block>

      <Block id={`${ids}-t`} title={t('note.techniques')}>
        {data.techniques.length === 0 && <p className="tr-muted">{t('note.noTechniques')}</p>}
        <ol className="tr-targets">
          {groupTechniques(data.techniques).map((group) => {
            const label = names.muscle(group.muscleId, group.side);
            return (
              <li key={group.key} className="tr-target" data-muscle={group.muscleId}>
                <div className="tr-target__head">
                  <div className="tr-target__title">
                    <h3>{label}</h3>
                  </div>
                </div>
                <ul className="tr-techniques">
                  {group.items.map(({ applied, index }) => {
                    const techniqueName = names.technique(applied.techniqueId);
                    return (
                      <li key={index} className={`tr-technique${applied.done === false ? ' tr-technique--planned' : ''}`}>
                        <div className="tr-technique__name">
                          <label className="tr-check">
                            <input
                              type="checkbox"
                              checked={applied.done !== false}
                              onChange={(e) => setTechniques(data.techniques.map((a, i) => (i === index ? { ...a, done: e.target.checked } : a)))}
                            />
                            {techniqueName}
                            <span className="tr-muted tr-small">{applied.done === false ? t('note.planned') : t('note.done')}</span>
                          </label>
                          <button
                            type="button"
                            className="tr-icon-button tr-icon-button--small"
                            aria-label={t('common:actions.removeItem', { item: `${label}: ${techniqueName}` })}
                            onClick={() => setTechniques(data.techniques.filter((_, i) => i !== index))}
                          >
                            ×
                          </button>
                        </div>
                        <DoseFields
                          technique={kb.techniques.get(applied.techniqueId)}
                          parameters={applied.parameters}
                          labelPrefix={`${label}, ${techniqueName}`}
                          onChange={(parameters) => setTechniques(data.techniques.map((a, i) => (i === index ? { ...a, parameters } : a)))}
                        />
                      </li>
                    );
                  })}
                </ul>
              </li>
            );
          })}
        </ol>
        <div className="tr-inline-add">
          <MuscleSideSelects kb={kb} muscleLabel={t('plan.muscle')} muscle={muscle} side={side} onMuscle={setMuscle} onSide={setSide} />
          <select aria-label={t('note.technique')} value={technique} onChange={(e) => setTechnique(e.target.value)}>
            <option value="">{t('plan.chooseTechnique')}</option>
            {kb.techniqueList.map((tech) => (
              <option key={tech.id} value={tech.id}>
                {tech.name[language]}
              </option>
            ))}
          </select>
          <Button
            variant="secondary"
            disabled={!muscle || !technique}
            onClick={() => {
              setTechniques([
                ...data.techniques,
                {
                  muscleId: muscle,
                  ...(side ? { side } : {}),
                  techniqueId: technique,
                  parameters: defaultParameters(kb.techniques.get(technique)),
                  done: false,
                },
              ]);
              setTechnique('');
            }}
          >
            {t('note.addTechnique')}
          </Button>
        </div>
      </Block>

      <Block id={`${ids}-a`} title={t('note.assessmentAndPlan')}>
        <label className="tr-field">
          <span>{t('note.assessment')}</span>
          <textarea className="tr-input tr-textarea" dir="auto" value={data.assessment} maxLength={4000} onChange={(e) => set('assessment', e.target.value)} />
        </label>
        <label className="tr-field">
          <span>{t('note.plan')}</span>
          <textarea className="tr-input tr-textarea" dir="auto" value={data.plan} maxLength={4000} onChange={(e) => set('plan', e.target.value)} />
        </label>
        <label className="tr-field">
          <span>{t('note.response')}</span>
          <textarea className="tr-input tr-textarea" dir="auto" value={data.response} maxLength={2000} onChange={(e) => set('response', e.target.value)} />
        </label>
        <label className="tr-check">
          <input
            type="checkbox"
            checked={data.adverseEvent !== null}
            onChange={(e) => set('adverseEvent', e.target.checked ? { description: '', severity: 'mild' } : null)}
          />
          {t('note.adverseEvent')}
        </label>
        {data.adverseEvent && (
          <div className="tr-form-grid">
            <label className="tr-field tr-span-2">
              <span>{t('note.adverseDescription')}</span>
              <textarea
                className="tr-input tr-textarea"
                dir="auto"
                value={data.adverseEvent.description}
                maxLength={2000}
                onChange={(e) => data.adverseEvent && set('adverseEvent', { ...data.adverseEvent, description: e.target.value })}
              />
            </label>
            <label className="tr-field">
              <span>{t('note.severity')}</span>
              <select
                className="tr-input"
                value={data.adverseEvent.severity}
                onChange={(e) => data.adverseEvent && set('adverseEvent', { ...data.adverseEvent, severity: e.target.value as 'mild' | 'moderate' | 'severe' })}
              >
                {(['mild', 'moderate', 'severe'] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`note.severities.${s}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
      </Block>
    </div>
  );
}
