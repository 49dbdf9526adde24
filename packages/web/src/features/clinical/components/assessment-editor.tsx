import type { AssessmentData } from '@myomap/domain/clinical/assessment-schemas';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { BodyChart, type ChartPin } from '../../../components/body-chart/body-chart.tsx';
import { PainMapEditor } from '../../../components/body-chart/pain-map-editor.tsx';
import { deriveProblemListWith } from '@myomap/domain/clinical/derive-problem-list-with';
import { useMemo, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { PhotoDto, Side } from '../api/clinical-api.ts';
import { intensityColor, useLabels, useLookup, useProblemListKnowledge } from '../lib/clinical-lookup.tsx';
import { followsFindings, storedProblem } from '../lib/problem-list.ts';
import { BiomechanicsEditor } from './biomechanics-editor.tsx';
import { Section } from './fields.tsx';
import { NerveFindingsEditor } from './nerve-findings-editor.tsx';
import { ObservationsEditor } from './observations-editor.tsx';
import { TautBandsEditor, TenderAreasEditor } from './palpation-editors.tsx';
import { PerpetuatingFactorsEditor } from './perpetuating-factors-editor.tsx';
import { PosturePhotos } from './posture-photos.tsx';
import { ProblemListEditor } from './problem-list-editor.tsx';
import { SourceFinderPanel } from './source-finder-panel.tsx';
import { emptyTriggerPointDraft, TriggerPointsEditor, type TriggerPointDraft } from './trigger-points-editor.tsx';
import { useTranslation } from 'react-i18next';

const DEFAULT_INTENSITY = 5;

interface AssessmentEditorProps {
  assessmentId: string;
  data: AssessmentData;
  onChange: Dispatch<SetStateAction<AssessmentData>>;
  photos: PhotoDto[];
  onPhotoAdded: (photo: PhotoDto) => void;
  onPhotoSaved: (photo: PhotoDto) => void;
  /** The patient, so the source finder can say when reasoning is suspended by a red flag. */
  patientId?: string;
}

export function AssessmentEditor({ assessmentId, data, onChange, photos, onPhotoAdded, onPhotoSaved, patientId }: AssessmentEditorProps) {
  const { t } = useTranslation(['clinical', 'common']);
  const { zones } = useLookup();
  const { muscleLabel } = useLabels();
  // Zones, muscles and regions as the API sent them: the knowledge base stays on the server.
  const knowledge = useProblemListKnowledge();
  const derived = useMemo(() => deriveProblemListWith(data, knowledge), [data, knowledge]);
  const withDerived = (next: AssessmentData): AssessmentData => ({ ...next, problems: deriveProblemListWith(next, knowledge).map(storedProblem) });
  // The problem list follows the findings until the therapist edits it.
  const [following, setFollowing] = useState(() => followsFindings(data.problems, deriveProblemListWith(data, knowledge)));
  const followingRef = useRef(following);
  followingRef.current = following;
  const [draft, setDraft] = useState<TriggerPointDraft>(emptyTriggerPointDraft);
  const [placing, setPlacing] = useState(false);

  const updateFindings = (change: (data: AssessmentData) => AssessmentData) =>
    onChange((previous) => {
      const next = change(previous);
      return followingRef.current ? withDerived(next) : next;
    });
  const setField =
    <K extends Exclude<keyof AssessmentData, 'problems'>>(key: K) =>
    (value: AssessmentData[K]) =>
      updateFindings((previous) => ({ ...previous, [key]: value }));

  const toggleZone = (zone: string, side: Side | undefined) =>
    updateFindings((previous) => {
      const same = (mark: { zone: string; side?: Side }) => mark.zone === zone && mark.side === side;
      const painMap = previous.painMap.some(same)
        ? previous.painMap.filter((mark) => !same(mark))
        : [...previous.painMap, { zone, ...(side ? { side } : {}), intensity: DEFAULT_INTENSITY }];
      return { ...previous, painMap };
    });

  const recordFromFinder = (muscleId: string, side: Side | undefined) => {
    setDraft({ ...emptyTriggerPointDraft(), muscleId, ...(side ? { side } : {}) });
    const form = document.getElementById('trigger-point-form');
    form?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    form?.querySelector<HTMLElement>('select, input[type="radio"]')?.focus({ preventScroll: true });
  };

  const pins: ChartPin[] = data.triggerPoints.flatMap((tp, index) =>
    tp.view !== undefined && tp.x !== undefined && tp.y !== undefined
      ? [{ key: `tp-${index}`, view: tp.view, x: tp.x, y: tp.y, label: muscleLabel(tp.muscleId, tp.side), active: tp.activity === 'active' }]
      : [],
  );
  if (draft.view !== undefined && draft.x !== undefined && draft.y !== undefined) {
    pins.push({ key: 'draft', view: draft.view, x: draft.x, y: draft.y, label: t('tp.draftPin'), active: draft.activity === 'active' });
  }

  return (
    <>
      <div className="assessment-top">
        <section className="card chart-card" aria-labelledby="chart-title">
          <header className="card__header">
            <h2 id="chart-title">{t('chart.title')}</h2>
          </header>
          <MutedText size="sm">{t('chart.hint')}</MutedText>
          {placing && (
            <p className="placing-banner" role="status">
              {t('tp.placingHint')}
              <button type="button" className="link-button" onClick={() => setPlacing(false)}>
                {t('common:actions.cancel')}
              </button>
            </p>
          )}
          <BodyChart
            zones={zones}
            marks={data.painMap}
            onToggle={toggleZone}
            pins={pins}
            onPlace={
              placing
                ? (view, x, y) => {
                    setDraft((d) => ({ ...d, view, x, y }));
                    setPlacing(false);
                  }
                : undefined
            }
          />
          <div className="legend" aria-hidden="true" dir="ltr">
            <span>0</span>
            {[0, 2, 4, 6, 8, 10].map((level) => (
              <span key={level} className="legend__swatch" style={{ background: intensityColor(level) }} />
            ))}
            <span>10</span>
          </div>
          <div className="pain-map-block" id="pain-map">
            <h3>{t('painMap.title')}</h3>
            <MutedText size="sm">{t('painMap.hint')}</MutedText>
            <PainMapEditor painMap={data.painMap} onChange={setField('painMap')} />
          </div>
        </section>
        <SourceFinderPanel painMap={data.painMap} triggerPoints={data.triggerPoints} onRecord={recordFromFinder} {...(patientId ? { patientId } : {})} />
        <div className="assessment-side">
          <Section id="trigger-points" title={t('tp.title')}>
            <TriggerPointsEditor
              triggerPoints={data.triggerPoints}
              onChange={setField('triggerPoints')}
              draft={draft}
              onDraftChange={setDraft}
              placing={placing}
              onPlacingChange={setPlacing}
            />
          </Section>
        </div>
      </div>
      <div className="assessment-sections">
        <Section id="taut-bands" title={t('bands.title')}>
          <TautBandsEditor bands={data.tautBands} onChange={setField('tautBands')} />
        </Section>
        <Section id="tender-areas" title={t('tender.title')}>
          <TenderAreasEditor areas={data.tenderAreas} onChange={setField('tenderAreas')} />
        </Section>
        <Section id="nerve-findings" title={t('nerve.title')} hint={t('nerve.hint')}>
          <NerveFindingsEditor findings={data.nerveFindings} onChange={setField('nerveFindings')} />
        </Section>
        <Section id="biomechanics" title={t('biomech.title')} hint={t('biomech.hint')}>
          <BiomechanicsEditor findings={data.biomechanics} onChange={setField('biomechanics')} />
        </Section>
        <Section id="posture" title={t('posture.title')}>
          <ObservationsEditor kind="posture" findings={data.posture} onChange={setField('posture')} />
        </Section>
        <Section id="gait" title={t('gait.title')}>
          <ObservationsEditor kind="gait" findings={data.gait} onChange={setField('gait')} />
        </Section>
        <Section id="perpetuating-factors" title={t('factors.title')} hint={t('factors.hint')}>
          <PerpetuatingFactorsEditor factors={data.perpetuatingFactors} onChange={setField('perpetuatingFactors')} />
        </Section>
        <Section id="posture-photos" title={t('photos.title')} hint={t('photos.hint.general')}>
          <PosturePhotos assessmentId={assessmentId} photos={photos} onPhotoAdded={onPhotoAdded} onPhotoSaved={onPhotoSaved} />
        </Section>
        <Section id="problem-list" title={t('problems.heading')}>
          <ProblemListEditor
            problems={data.problems}
            derived={derived}
            following={following}
            onChange={(problems, mode) => {
              setFollowing(mode === 'follow');
              followingRef.current = mode === 'follow';
              onChange((previous) => (mode === 'follow' ? withDerived(previous) : { ...previous, problems }));
            }}
          />
        </Section>
        <Section id="summary" title={t('summary.title')}>
          <textarea
            className="summary"
            rows={5}
            maxLength={10000}
            aria-label={t('summary.title')}
            placeholder={t('summary.placeholder')}
            value={data.summary ?? ''}
            onChange={(event) => {
              const summary = event.target.value;
              onChange(({ summary: _old, ...rest }) => (summary ? { ...rest, summary } : rest));
            }}
          />
        </Section>
      </div>
    </>
  );
}
