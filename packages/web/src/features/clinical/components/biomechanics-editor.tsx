import { COMMON_BIOMECHANICAL_TESTS, type BiomechanicalFinding, type BiomechanicalResult } from '@myomap/domain/clinical/assessment-schemas';
import { useId, useState } from 'react';
import type { Side } from '../api/clinical-api.ts';
import { useLabels } from '../lib/clinical-lookup.tsx';
import { FindingRow, SideSelect, TextField } from './fields.tsx';
import { useTranslation } from 'react-i18next';
import { isKeyOf } from '../../../lib/i18n/keys.ts';
import { en } from '../locales/en.ts';
import { Button } from '../../../components/ui/button.tsx';

const RESULTS: BiomechanicalResult[] = ['normal', 'restricted', 'painful', 'hypermobile'];
const OTHER = 'other';

/** Range-of-motion and muscle-length tests and what they showed. */
export function BiomechanicsEditor({ findings, onChange }: { findings: BiomechanicalFinding[]; onChange: (findings: BiomechanicalFinding[]) => void }) {
  const { t } = useTranslation(['clinical', 'common']);
  const { withSide } = useLabels();
  const testId = useId();
  const resultId = useId();
  const [choice, setChoice] = useState('');
  const [other, setOther] = useState('');
  const [side, setSide] = useState<Side | undefined>();
  const [result, setResult] = useState<BiomechanicalResult>('restricted');
  const [value, setValue] = useState('');
  const [notes, setNotes] = useState('');
  const testName = (test: string) => (isKeyOf(en.biomech.tests, test) ? t(`biomech.tests.${test}`) : test);
  const test = choice === OTHER ? other.trim() : choice;

  const add = () => {
    if (!test) return;
    onChange([
      ...findings,
      { test, ...(side ? { side } : {}), result, ...(value.trim() ? { value: value.trim() } : {}), ...(notes.trim() ? { notes: notes.trim() } : {}) },
    ]);
    setChoice('');
    setOther('');
    setValue('');
    setNotes('');
  };

  return (
    <>
      <div className="form-grid">
        <div className="field field--grow">
          <label htmlFor={testId}>{t('biomech.test')}</label>
          <select id={testId} value={choice} onChange={(event) => setChoice(event.target.value)}>
            <option value="">{t('fields.choose')}</option>
            {COMMON_BIOMECHANICAL_TESTS.map((entry) => (
              <option key={entry.test} value={entry.test}>
                {testName(entry.test)}
              </option>
            ))}
            <option value={OTHER}>{t('biomech.otherTest')}</option>
          </select>
        </div>
        {choice === OTHER && <TextField label={t('biomech.testName')} value={other} onChange={setOther} />}
        <SideSelect value={side} onChange={setSide} />
        <div className="field">
          <label htmlFor={resultId}>{t('biomech.result')}</label>
          <select id={resultId} value={result} onChange={(event) => setResult(event.target.value as BiomechanicalResult)}>
            {RESULTS.map((r) => (
              <option key={r} value={r}>
                {t(`biomech.results.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <TextField label={t('biomech.value')} value={value} onChange={setValue} placeholder={t('biomech.valueHint')} />
        <TextField label={t('fields.notes')} value={notes} onChange={setNotes} />
        <Button size="sm" className="align-end" onClick={add} disabled={!test}>
          {t('common:actions.add')}
        </Button>
      </div>
      <ul className="findings">
        {findings.map((finding, index) => {
          const label = withSide(testName(finding.test), finding.side);
          return (
            <FindingRow
              key={index}
              onRemove={() => onChange(findings.filter((_, i) => i !== index))}
              removeLabel={t('common:actions.removeItem', { item: label })}
            >
              <strong>{label}</strong>
              <span className={`tag tag--result-${finding.result}`}>{t(`biomech.results.${finding.result}`)}</span>
              {finding.value && <span dir="auto">{finding.value}</span>}
              {finding.notes && <span className="finding__notes">{finding.notes}</span>}
            </FindingRow>
          );
        })}
      </ul>
    </>
  );
}
