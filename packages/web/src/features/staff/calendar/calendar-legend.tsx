import { useTranslation } from 'react-i18next';
import type { Practitioner } from '../api/staff-api.ts';
import { localName } from '../api/local-name.ts';
import { ALL_MARKS, toneOf } from './patient-state.ts';

/** What the colours, patterns and patient marks on the calendar mean. */
export function CalendarLegend({ practitioners }: { practitioners: Practitioner[] }) {
  const { t, i18n } = useTranslation('staff');
  return (
    <div className="st-legend-box">
      <ul className="st-legend" aria-label={t('calendar.legend')}>
        {practitioners
          .filter((p) => p.active)
          .map((p) => (
            <li key={p.id}>
              <span className="st-swatch" style={{ background: p.color }} aria-hidden="true" />
              {localName(p, i18n.language)}
            </li>
          ))}
        <li>
          <span className="st-swatch st-swatch-block" aria-hidden="true" />
          {t('calendar.blocked')}
        </li>
        <li>
          <span className="st-swatch st-swatch-hold" aria-hidden="true" />
          {t('calendar.heldForWaitlist')}
        </li>
        <li>
          <span className="st-swatch st-swatch-closed" aria-hidden="true" />
          {t('calendar.closedOrOff')}
        </li>
      </ul>
      <details className="st-legend-details">
        <summary>{t('calendar.marksLegend')}</summary>
        <ul className="st-legend st-legend-marks">
          {ALL_MARKS.map((id) => (
            <li key={id}>
              <span className={id === 'refer' ? 'st-mark st-mark-refer' : `st-mark st-mark-${toneOf(id)}`}>{t(`patientState.${id}.tag`)}</span>
              <span>{t(`patientState.${id}.long`)}</span>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
