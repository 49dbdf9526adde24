import { PERPETUATING_FACTOR_CHOICES, type PerpetuatingFactors } from '@myomap/domain/clinical/assessment-schemas';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isKeyOf } from '../../../lib/i18n/keys.ts';
import { en } from '../locales/en.ts';
import { Button } from '../../../components/ui/button.tsx';

type Group = keyof PerpetuatingFactors;
const GROUPS: Group[] = ['biomechanical', 'biochemical', 'psychosocial'];

/** Perpetuating factors in Travell & Simons' three groups: common choices plus free text. */
export function PerpetuatingFactorsEditor({ factors, onChange }: { factors: PerpetuatingFactors; onChange: (factors: PerpetuatingFactors) => void }) {
  return (
    <div className="factor-groups">
      {GROUPS.map((group) => (
        <FactorGroup key={group} group={group} values={factors[group]} onChange={(values) => onChange({ ...factors, [group]: values })} />
      ))}
    </div>
  );
}

function FactorGroup({ group, values, onChange }: { group: Group; values: string[]; onChange: (values: string[]) => void }) {
  const { t } = useTranslation(['clinical', 'common']);
  const [text, setText] = useState('');
  const choices: readonly string[] = PERPETUATING_FACTOR_CHOICES[group];
  const custom = values.filter((value) => !choices.includes(value));
  const toggle = (choice: string, on: boolean) => onChange(on ? [...values, choice] : values.filter((value) => value !== choice));
  const addText = () => {
    const value = text.trim();
    if (value && !values.includes(value)) onChange([...values, value]);
    setText('');
  };
  return (
    <fieldset className="factor-group">
      <legend>{t(`factors.groups.${group}`)}</legend>
      {choices.map((choice) => (
        <label key={choice} className="checkbox">
          <input type="checkbox" checked={values.includes(choice)} onChange={(event) => toggle(choice, event.target.checked)} />
          {isKeyOf(en.factors.choices, choice) ? t(`factors.choices.${choice}`) : choice}
        </label>
      ))}
      {custom.map((value) => (
        <span key={value} className="chip chip--static">
          {value}
          <button type="button" className="icon-button" onClick={() => toggle(value, false)} aria-label={t('common:actions.removeItem', { item: value })}>
            ×
          </button>
        </span>
      ))}
      <div className="inline-add">
        <input
          type="text"
          value={text}
          maxLength={200}
          aria-label={t('factors.other', { group: t(`factors.groups.${group}`) })}
          placeholder={t('factors.otherPlaceholder')}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              addText();
            }
          }}
        />
        <Button variant="secondary" size="sm" onClick={addText} disabled={!text.trim()}>
          {t('common:actions.add')}
        </Button>
      </div>
    </fieldset>
  );
}
