import { useTranslation } from 'react-i18next';
import type { Practitioner } from '../api/staff-api.ts';
import { localName } from '../api/local-name.ts';

/** What the colours and patterns on the calendar mean. */
export function CalendarLegend({ practitioners }: { practitioners: Practitioner[] }) {
  const { t, i18n } = useTranslation('staff');
  return (
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
    </ul>
  );
}
