import type { TautBandFinding, TenderAreaFinding } from '@myomap/domain/clinical/assessment-schemas';
import { useId, useState } from 'react';
import type { Side } from '../api/clinical-api.ts';
import { useLabels, useLookup } from '../lib/clinical-lookup.tsx';
import { FindingRow, SideSelect, TextField } from './fields.tsx';
import { MusclePicker } from './muscle-picker.tsx';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { Button } from '../../../components/ui/button.tsx';

const notesOf = (notes: string) => (notes.trim() ? { notes: notes.trim() } : {});
const sideOf = (side: Side | undefined) => (side ? { side } : {});

export function TautBandsEditor({ bands, onChange }: { bands: TautBandFinding[]; onChange: (bands: TautBandFinding[]) => void }) {
  const { t } = useTranslation(['clinical', 'common']);
  const { muscleLabel } = useLabels();
  const [muscleId, setMuscleId] = useState('');
  const [side, setSide] = useState<Side | undefined>();
  const [notes, setNotes] = useState('');
  const [pickerKey, setPickerKey] = useState(0);
  const add = () => {
    if (!muscleId) return;
    onChange([...bands, { muscleId, ...sideOf(side), ...notesOf(notes) }]);
    setMuscleId('');
    setNotes('');
    setPickerKey((key) => key + 1);
  };
  return (
    <>
      <div className="form-grid">
        <MusclePicker key={pickerKey} value={muscleId} onChange={setMuscleId} label={t('tp.muscle')} />
        <SideSelect value={side} onChange={setSide} />
        <TextField label={t('fields.notes')} value={notes} onChange={setNotes} />
        <Button size="sm" className="align-end" onClick={add} disabled={!muscleId}>
          {t('common:actions.add')}
        </Button>
      </div>
      <ul className="findings">
        {bands.map((band, index) => {
          const label = muscleLabel(band.muscleId, band.side);
          return (
            <FindingRow
              key={index}
              onRemove={() => onChange(bands.filter((_, i) => i !== index))}
              removeLabel={t('common:actions.removeItem', { item: label })}
            >
              <strong>{label}</strong>
              {band.notes && <span className="finding__notes">{band.notes}</span>}
            </FindingRow>
          );
        })}
      </ul>
    </>
  );
}

export function TenderAreasEditor({ areas, onChange }: { areas: TenderAreaFinding[]; onChange: (areas: TenderAreaFinding[]) => void }) {
  const { t } = useTranslation(['clinical', 'common']);
  const language = useLanguage();
  const { zones } = useLookup();
  const { zoneLabel } = useLabels();
  const zoneFieldId = useId();
  const [zone, setZone] = useState('');
  const [side, setSide] = useState<Side | undefined>();
  const [ischemic, setIschemic] = useState(false);
  const [notes, setNotes] = useState('');
  const sided = zones.find((z) => z.id === zone)?.side ?? true;
  const sorted = [...zones].sort((a, b) => a.label[language].localeCompare(b.label[language], language));
  const add = () => {
    if (!zone) return;
    onChange([...areas, { zone, ...(sided ? sideOf(side) : {}), ischemic, ...notesOf(notes) }]);
    setZone('');
    setIschemic(false);
    setNotes('');
  };
  return (
    <>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={zoneFieldId}>{t('fields.area')}</label>
          <select id={zoneFieldId} value={zone} onChange={(event) => setZone(event.target.value)}>
            <option value="">{t('fields.choose')}</option>
            {sorted.map((z) => (
              <option key={z.id} value={z.id}>
                {z.label[language]}
              </option>
            ))}
          </select>
        </div>
        {sided && <SideSelect value={side} onChange={setSide} />}
        <label className="field checkbox">
          <input type="checkbox" checked={ischemic} onChange={(event) => setIschemic(event.target.checked)} />
          {t('tender.ischemic')}
        </label>
        <TextField label={t('fields.notes')} value={notes} onChange={setNotes} />
        <Button size="sm" className="align-end" onClick={add} disabled={!zone}>
          {t('common:actions.add')}
        </Button>
      </div>
      <ul className="findings">
        {areas.map((area, index) => {
          const label = zoneLabel(area.zone, area.side);
          return (
            <FindingRow
              key={index}
              onRemove={() => onChange(areas.filter((_, i) => i !== index))}
              removeLabel={t('common:actions.removeItem', { item: label })}
            >
              <strong>{label}</strong>
              {area.ischemic && <span className="tag tag--active">{t('tender.ischemicShort')}</span>}
              {area.notes && <span className="finding__notes">{area.notes}</span>}
            </FindingRow>
          );
        })}
      </ul>
    </>
  );
}
