import { useTranslation } from 'react-i18next';
import type { Slot } from '../api/public-api.ts';
import { type DayPart, dayPartOf, formatInstant } from '../../../lib/clinic-time/clinic-time.ts';

export interface TimeSlotListProps {
  slots: readonly Slot[];
  timeZone: string;
  selectedStart: string | undefined;
  onSelect(slot: Slot): void;
  /** Adds "with Amira Saleh" under each time when the patient did not choose a therapist. */
  practitionerLabel?: (slot: Slot) => string | undefined;
}

const PARTS: readonly DayPart[] = ['morning', 'afternoon'];

/** Time buttons for one day, grouped morning/afternoon on the clinic's clock. */
export function TimeSlotList({ slots, timeZone, selectedStart, onSelect, practitionerLabel }: TimeSlotListProps) {
  const { t, i18n } = useTranslation('booking');
  return (
    <div className="pb-times">
      {PARTS.map((part) => {
        const inPart = slots.filter((slot) => dayPartOf(slot.start, timeZone) === part);
        if (inPart.length === 0) return null;
        const headingId = `times-${part}`;
        return (
          <section key={part} className="pb-times__group" aria-labelledby={headingId}>
            <h4 id={headingId} className="pb-times__heading">
              {t(`picker.${part}`)}
            </h4>
            <ul className="pb-times__list">
              {inPart.map((slot) => {
                const selected = slot.start === selectedStart;
                const who = practitionerLabel?.(slot);
                return (
                  <li key={`${slot.start}-${slot.practitionerId}`}>
                    <button type="button" className={`pb-time${selected ? ' pb-time--selected' : ''}`} aria-pressed={selected} onClick={() => onSelect(slot)}>
                      <span className="pb-time__clock">{formatInstant(slot.start, timeZone, i18n.language, 'time12')}</span>
                      {who ? <span className="pb-time__who">{who}</span> : null}
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
