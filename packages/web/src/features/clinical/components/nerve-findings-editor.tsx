import { COMMON_NERVE_SIGNS, COMMON_NERVE_SITES, type NerveFinding } from '@myomap/domain/clinical/assessment-schemas';
import { useId, useState } from 'react';
import type { Side } from '../api/clinical-api.ts';
import { useLabels } from '../lib/clinical-lookup.tsx';
import { FindingRow, SideSelect, TextField } from './fields.tsx';
import { useTranslation } from 'react-i18next';
import { isKeyOf } from '../../../lib/i18n/keys.ts';
import { en } from '../locales/en.ts';
import { Button } from '../../../components/ui/button.tsx';

const OTHER = 'other';

/** Words for a stored nerve finding: ids from the common list are translated, free text is shown as typed. */
export function useNerveWords() {
  const { t } = useTranslation('clinical');
  return {
    nerve: (nerve: string) => (isKeyOf(en.nerve.nerves, nerve) ? t(`nerve.nerves.${nerve}`) : nerve),
    site: (site: string) => (isKeyOf(en.nerve.sites, site) ? t(`nerve.sites.${site}`) : site),
    sign: (sign: string) => (isKeyOf(en.nerve.signs, sign) ? t(`nerve.signs.${sign}`) : sign),
  };
}

export function NerveFindingsEditor({ findings, onChange }: { findings: NerveFinding[]; onChange: (findings: NerveFinding[]) => void }) {
  const { t } = useTranslation(['clinical', 'common']);
  const { withSide } = useLabels();
  const words = useNerveWords();
  const siteFieldId = useId();
  const [choice, setChoice] = useState('');
  const [nerve, setNerve] = useState('');
  const [site, setSite] = useState('');
  const [side, setSide] = useState<Side | undefined>();
  const [signs, setSigns] = useState<string[]>([]);
  const [otherSign, setOtherSign] = useState('');
  const [notes, setNotes] = useState('');

  const chosen = choice && choice !== OTHER ? COMMON_NERVE_SITES.find((entry) => `${entry.nerve}|${entry.site}` === choice) : undefined;
  const finalNerve = chosen ? chosen.nerve : nerve.trim();
  const finalSite = chosen ? chosen.site : site.trim();
  const allSigns = [...signs, ...(otherSign.trim() ? [otherSign.trim()] : [])];

  const add = () => {
    if (!finalNerve || !finalSite) return;
    onChange([
      ...findings,
      { nerve: finalNerve, site: finalSite, ...(side ? { side } : {}), signs: allSigns, ...(notes.trim() ? { notes: notes.trim() } : {}) },
    ]);
    setChoice('');
    setNerve('');
    setSite('');
    setSigns([]);
    setOtherSign('');
    setNotes('');
  };

  return (
    <>
      <div className="form-grid">
        <div className="field field--grow">
          <label htmlFor={siteFieldId}>{t('nerve.nerveAndSite')}</label>
          <select id={siteFieldId} value={choice} onChange={(event) => setChoice(event.target.value)}>
            <option value="">{t('fields.choose')}</option>
            {COMMON_NERVE_SITES.map((entry) => (
              <option key={`${entry.nerve}|${entry.site}`} value={`${entry.nerve}|${entry.site}`}>
                {t('nerve.pair', { nerve: words.nerve(entry.nerve), site: words.site(entry.site) })}
              </option>
            ))}
            <option value={OTHER}>{t('nerve.otherPair')}</option>
          </select>
        </div>
        {choice === OTHER && (
          <>
            <TextField label={t('nerve.nerve')} value={nerve} onChange={setNerve} />
            <TextField label={t('nerve.site')} value={site} onChange={setSite} />
          </>
        )}
        <SideSelect value={side} onChange={setSide} />
      </div>
      <fieldset className="checkbox-group">
        <legend>{t('nerve.signsLabel')}</legend>
        {COMMON_NERVE_SIGNS.map((sign) => (
          <label key={sign} className="checkbox">
            <input
              type="checkbox"
              checked={signs.includes(sign)}
              onChange={(event) => setSigns(event.target.checked ? [...signs, sign] : signs.filter((s) => s !== sign))}
            />
            {words.sign(sign)}
          </label>
        ))}
      </fieldset>
      <div className="form-grid">
        <TextField label={t('nerve.otherSign')} value={otherSign} onChange={setOtherSign} />
        <TextField label={t('fields.notes')} value={notes} onChange={setNotes} />
        <Button size="sm" className="align-end" onClick={add} disabled={!finalNerve || !finalSite}>
          {t('nerve.add')}
        </Button>
      </div>
      <ul className="findings">
        {findings.map((finding, index) => {
          const label = withSide(t('nerve.pair', { nerve: words.nerve(finding.nerve), site: words.site(finding.site) }), finding.side);
          return (
            <FindingRow
              key={index}
              onRemove={() => onChange(findings.filter((_, i) => i !== index))}
              removeLabel={t('common:actions.removeItem', { item: label })}
            >
              <strong>{label}</strong>
              {finding.signs.map((sign) => (
                <span key={sign} className="tag">
                  {words.sign(sign)}
                </span>
              ))}
              {finding.notes && <span className="finding__notes">{finding.notes}</span>}
            </FindingRow>
          );
        })}
      </ul>
    </>
  );
}
