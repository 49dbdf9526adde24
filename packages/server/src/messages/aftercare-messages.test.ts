import { patientAdvice, signsFor } from '@myomap/domain/screening/patient-advice';
import { describe, expect, it } from 'vitest';
import { aftercareAdviceText, followUpText } from './aftercare-messages.ts';

describe('aftercare emails say what the public page says', () => {
  for (const language of ['en', 'ar'] as const) {
    it(`lists each 998 sign under 998 and each same-day sign under the clinic (${language})`, () => {
      const { body } = aftercareAdviceText(language, 'Mona', 'Myomap Sharjah', '+971 6 000 0000', 'http://x/c');
      const [before998, after998 = ''] = body.split('998');
      const [emergencyPart = '', clinicPart = ''] = after998.split('+971 6 000 0000');
      for (const sign of signsFor('call_998', { afterSession: true })) expect(emergencyPart).toContain(sign.text[language]);
      for (const sign of signsFor('see_doctor_today', { afterSession: true })) expect(clinicPart).toContain(sign.text[language]);
      // New weakness that is not sudden is "see a doctor today" in the email exactly as on the page.
      const weakness = patientAdvice.signs.find((s) => s.id === 'new_weakness');
      expect(emergencyPart).not.toContain(weakness?.text[language]);
      for (const item of patientAdvice.aftercare) expect(before998).toContain(item.text[language]);
    });

    it(`carries the home page's caveat on how long relief lasts (${language})`, () => {
      expect(followUpText(language, 'Mona', 'http://x/book').body).toContain(patientAdvice.reliefDuration[language]);
    });
  }
});
