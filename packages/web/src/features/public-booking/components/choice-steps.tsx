import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Practitioner, Service } from '../api/public-api.ts';
import { useLanguage } from '../hooks/use-language.ts';
import { formatPrice } from '../lib/format-price.ts';

export const FIRST_AVAILABLE = 'any';

/** Service cards: name, what it is, duration and price. Choosing one moves on. */
export function ServiceChoice({
  services,
  selectedId,
  onChoose,
}: {
  services: readonly Service[];
  selectedId: string | undefined;
  onChoose(id: string): void;
}) {
  const { t } = useTranslation('booking');
  const { language, pick } = useLanguage();
  return (
    <ul className="pb-choices">
      {services.map((service) => (
        <li key={service.id}>
          <SubmitOffline serviceId={service.id}>
            <button
              type="submit"
              className="pb-choice"
              aria-pressed={service.id === selectedId}
              onClick={(event) => {
                // With the script running, the choice moves on in the page; the form is for a tap before it runs.
                event.preventDefault();
                onChoose(service.id);
              }}
            >
              <span className="pb-choice__title">{pick(service.names)}</span>
              <span className="pb-choice__body">{pick(service.description)}</span>
              <span className="pb-choice__meta">
                <span className="pb-chip">
                  <ClockIcon />
                  {t('common.minutes', { minutes: service.durationMinutes })}
                </span>
                <span className="pb-chip pb-chip--price">
                  {service.priceAed !== null ? formatPrice(service.priceAed, language) : t('book.service.priceOnRequest')}
                </span>
              </span>
            </button>
          </SubmitOffline>
        </li>
      ))}
    </ul>
  );
}

/**
 * A service's button submits a plain form to /book?service=…, which opens the next step
 * (lib/booking-steps.ts): the server draws this list before the app's script has run, and a tap then
 * still works. The app draws the same markup, so it takes the drawn page over without redrawing it
 * (main.tsx), and its click handler moves on in the page instead. `display: contents` keeps the form
 * out of the layout.
 */
function SubmitOffline({ serviceId, children }: { serviceId: string; children: ReactNode }) {
  return (
    <form action="/book" method="get" className="pb-choice-form">
      <input type="hidden" name="service" value={serviceId} />
      {children}
    </form>
  );
}

/** "First available" first, then each practitioner who offers the service. */
export function PractitionerChoice({
  practitioners,
  selectedId,
  onChoose,
}: {
  practitioners: readonly Practitioner[];
  selectedId: string | undefined;
  onChoose(id: string): void;
}) {
  const { t } = useTranslation('booking');
  const { pick } = useLanguage();
  return (
    <ul className="pb-choices pb-choices--people">
      <li>
        <button type="button" className="pb-choice pb-choice--person" aria-pressed={selectedId === FIRST_AVAILABLE} onClick={() => onChoose(FIRST_AVAILABLE)}>
          <span className="pb-avatar pb-avatar--any" aria-hidden="true">
            ✦
          </span>
          <span className="pb-choice__text">
            <span className="pb-choice__title">{t('book.practitioner.firstAvailable')}</span>
            <span className="pb-choice__body">{t('book.practitioner.firstAvailableHint')}</span>
          </span>
        </button>
      </li>
      {practitioners.map((practitioner) => (
        <li key={practitioner.id}>
          <button type="button" className="pb-choice pb-choice--person" aria-pressed={selectedId === practitioner.id} onClick={() => onChoose(practitioner.id)}>
            <span className="pb-avatar" style={{ backgroundColor: practitioner.color }} aria-hidden="true">
              {initials(pick(practitioner.names))}
            </span>
            <span className="pb-choice__text">
              <span className="pb-choice__title">{pick(practitioner.names)}</span>
              <span className="pb-choice__body">{pick(practitioner.title)}</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function initials(name: string): string {
  const words = name
    .replace(/^(Dr\.|د\.)\s*/, '')
    .split(/\s+/)
    .filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => word[0] ?? '')
    .join('');
}

function ClockIcon() {
  return (
    <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
      <circle cx="10" cy="10" r="7.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M10 6v4.2l2.8 1.8" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}
