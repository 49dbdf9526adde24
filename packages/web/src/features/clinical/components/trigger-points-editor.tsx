import type { TriggerPointFinding } from '@myomap/domain/clinical/assessment-schemas';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { useState } from 'react';
import { useLabels } from '../lib/clinical-lookup.tsx';
import { FindingRow, SideSelect, TextField } from './fields.tsx';
import { MusclePicker } from './muscle-picker.tsx';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button.tsx';

// The side can be cleared while editing; add() leaves it out of the finding when unset.
export type TriggerPointDraft = Omit<TriggerPointFinding, 'notes' | 'side'> & { notes: string; side?: TriggerPointFinding['side'] | undefined };

export const emptyTriggerPointDraft = (): TriggerPointDraft => ({ muscleId: '', activity: 'active', reproducesFamiliarPain: false, notes: '' });

interface TriggerPointsEditorProps {
  triggerPoints: TriggerPointFinding[];
  onChange: (triggerPoints: TriggerPointFinding[]) => void;
  draft: TriggerPointDraft;
  onDraftChange: (draft: TriggerPointDraft) => void;
  placing: boolean;
  onPlacingChange: (placing: boolean) => void;
}

/** Palpated trigger points: muscle, side, active or latent, familiar pain, and a pin on the chart. */
export function TriggerPointsEditor({ triggerPoints, onChange, draft, onDraftChange, placing, onPlacingChange }: TriggerPointsEditorProps) {
  const { t } = useTranslation(['clinical', 'common']);
  const { muscleLabel } = useLabels();
  const [pickerKey, setPickerKey] = useState(0);
  const set = (patch: Partial<TriggerPointDraft>) => onDraftChange({ ...draft, ...patch });

  const add = () => {
    if (!draft.muscleId) return;
    const { notes, side, view, x, y, ...rest } = draft;
    const finding: TriggerPointFinding = {
      ...rest,
      ...(side ? { side } : {}),
      ...(view !== undefined && x !== undefined && y !== undefined ? { view, x, y } : {}),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    };
    onChange([...triggerPoints, finding]);
    onDraftChange(emptyTriggerPointDraft());
    onPlacingChange(false);
    setPickerKey((key) => key + 1);
  };

  return (
    <div className="trigger-points" id="trigger-point-form">
      <div className="form-grid">
        <MusclePicker key={pickerKey} value={draft.muscleId} onChange={(muscleId) => set({ muscleId })} label={t('tp.muscle')} />
        <SideSelect value={draft.side} onChange={(side) => set({ side })} />
        <fieldset className="field segmented">
          <legend>{t('tp.activity')}</legend>
          {(['active', 'latent'] as const).map((activity) => (
            <label key={activity}>
              <input type="radio" name="tp-activity" checked={draft.activity === activity} onChange={() => set({ activity })} />
              {t(`tp.${activity}`)}
            </label>
          ))}
        </fieldset>
        <label className="field checkbox">
          <input type="checkbox" checked={draft.reproducesFamiliarPain} onChange={(event) => set({ reproducesFamiliarPain: event.target.checked })} />
          {t('tp.familiar')}
        </label>
      </div>
      <TextField label={t('fields.notes')} value={draft.notes} onChange={(notes) => set({ notes })} />
      <div className="button-row">
        <Button variant="secondary" size="sm" className={placing ? 'is-on' : undefined} aria-pressed={placing} onClick={() => onPlacingChange(!placing)}>
          {placing ? t('tp.placing') : draft.view ? t('tp.placeAgain') : t('tp.place')}
        </Button>
        {draft.view && (
          <MutedText as="span" size="sm">
            {t('tp.placedOn', { view: t(`chart.${draft.view === 'anterior' ? 'front' : 'back'}`) })}
          </MutedText>
        )}
        <Button size="sm" onClick={add} disabled={!draft.muscleId}>
          {t('tp.add')}
        </Button>
      </div>
      {triggerPoints.length > 0 && (
        <ul className="findings" aria-label={t('tp.recorded')}>
          {triggerPoints.map((tp, index) => {
            const label = muscleLabel(tp.muscleId, tp.side);
            return (
              <FindingRow
                key={index}
                onRemove={() => onChange(triggerPoints.filter((_, i) => i !== index))}
                removeLabel={t('common:actions.removeItem', { item: label })}
              >
                <strong>{label}</strong>
                <span className={`tag ${tp.activity === 'active' ? 'tag--active' : ''}`}>{t(`tp.${tp.activity}`)}</span>
                {tp.reproducesFamiliarPain && <span className="tag tag--primary">{t('tp.familiarShort')}</span>}
                {tp.view && (
                  <MutedText as="span" size="sm">
                    {t('tp.pinnedOn', { view: t(`chart.${tp.view === 'anterior' ? 'front' : 'back'}`) })}
                  </MutedText>
                )}
                {tp.notes && <span className="finding__notes">{tp.notes}</span>}
              </FindingRow>
            );
          })}
        </ul>
      )}
    </div>
  );
}
