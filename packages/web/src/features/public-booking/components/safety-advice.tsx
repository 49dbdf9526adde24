import { patientAdvice, signsFor, type AdviceAction } from '@myomap/domain/screening/patient-advice';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../hooks/use-language.ts';

/*
 * The patient-facing safety text of the home page, from knowledge-base/screening/patient-advice.json
 * (shared with the intake and the emails). A chunk of its own: the home page loads it beside itself,
 * so the first screen never waits for the data file or its schema library.
 */

const ACTIONS: readonly AdviceAction[] = ['call_998', 'see_doctor_today', 'see_doctor_first', 'tell_us'];

/** What to expect after a session, as list items for the home page's "after" list. */
export function AftercareAdvice() {
  const { pick } = useLanguage();
  return (
    <>
      {patientAdvice.aftercare.map((item) => (
        <li key={item.id}>{pick(item.text)}</li>
      ))}
      <li>{pick(patientAdvice.reliefDuration)}</li>
    </>
  );
}

/** The warning signs, grouped by what to do (call 998, see a doctor today…). */
export function DoctorSigns() {
  const { t } = useTranslation('booking');
  const { pick } = useLanguage();
  return ACTIONS.map((action) => (
    <div key={action} className={`pb-doctor__group pb-doctor__group--${action}`} data-action={action}>
      <h3>{t(`home.doctor.groups.${action}`)}</h3>
      <ul className="pb-bullets">
        {signsFor(action).map((sign) => (
          <li key={sign.id}>{pick(sign.text)}</li>
        ))}
      </ul>
    </div>
  ));
}
