import type { ObservationFinding } from '@myomap/domain/clinical/assessment-schemas';
import { useState } from 'react';
import { FindingRow, TextField } from './fields.tsx';
import { useTranslation } from 'react-i18next';
import { isKeyOf } from '../../../lib/i18n/keys.ts';
import { en } from '../locales/en.ts';
import { Button } from '../../../components/ui/button.tsx';

export const POSTURE_CHOICES = [
  'forward_head',
  'rounded_shoulders',
  'elevated_shoulder',
  'head_tilt',
  'thoracic_kyphosis',
  'lumbar_hyperlordosis',
  'flat_back',
  'anterior_pelvic_tilt',
  'lateral_pelvic_tilt',
  'scoliosis',
  'knee_hyperextension',
  'knee_valgus',
  'knee_varus',
  'flat_feet',
  'high_arches',
] as const;
export const GAIT_CHOICES = [
  'antalgic',
  'trendelenburg',
  'reduced_arm_swing',
  'short_stride',
  'toe_out',
  'overpronation',
  'reduced_hip_extension',
  'circumduction',
  'wide_base',
] as const;

/** Posture or gait: quick picks for common findings, or free text, each with notes. */
export function ObservationsEditor({
  kind,
  findings,
  onChange,
}: {
  kind: 'posture' | 'gait';
  findings: ObservationFinding[];
  onChange: (findings: ObservationFinding[]) => void;
}) {
  const { t } = useTranslation(['clinical', 'common']);
  const choices: readonly string[] = kind === 'posture' ? POSTURE_CHOICES : GAIT_CHOICES;
  const word = (finding: string) =>
    kind === 'posture'
      ? isKeyOf(en.posture.choices, finding)
        ? t(`posture.choices.${finding}`)
        : finding
      : isKeyOf(en.gait.choices, finding)
        ? t(`gait.choices.${finding}`)
        : finding;
  const [text, setText] = useState('');
  const [notes, setNotes] = useState('');
  const present = new Set(findings.map((f) => f.finding));

  const add = (finding: string) => {
    if (!finding || present.has(finding)) return;
    onChange([...findings, { finding, ...(notes.trim() ? { notes: notes.trim() } : {}) }]);
    setText('');
    setNotes('');
  };

  return (
    <>
      <div className="chips" role="group" aria-label={t('observations.common')}>
        {choices.map((choice) => (
          <button
            key={choice}
            type="button"
            className="chip"
            aria-pressed={present.has(choice)}
            onClick={() => (present.has(choice) ? onChange(findings.filter((f) => f.finding !== choice)) : add(choice))}
          >
            {word(choice)}
          </button>
        ))}
      </div>
      <div className="form-grid">
        <TextField label={t('observations.other')} value={text} onChange={setText} />
        <TextField label={t('fields.notes')} value={notes} onChange={setNotes} />
        <Button size="sm" className="align-end" onClick={() => add(text.trim())} disabled={!text.trim()}>
          {t('common:actions.add')}
        </Button>
      </div>
      <ul className="findings">
        {findings.map((finding, index) => (
          <FindingRow
            key={index}
            onRemove={() => onChange(findings.filter((_, i) => i !== index))}
            removeLabel={t('common:actions.removeItem', { item: word(finding.finding) })}
          >
            <strong>{word(finding.finding)}</strong>
            <input
              className="finding__notes-input"
              type="text"
              maxLength={2000}
              value={finding.notes ?? ''}
              placeholder={t('fields.notes')}
              aria-label={t('fields.notesFor', { item: word(finding.finding) })}
              onChange={(event) =>
                onChange(findings.map((f, i) => (i === index ? { finding: f.finding, ...(event.target.value ? { notes: event.target.value } : {}) } : f)))
              }
            />
          </FindingRow>
        ))}
      </ul>
    </>
  );
}
