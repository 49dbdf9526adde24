import { patientAdvice, signsFor } from '@myomap/domain/screening/patient-advice';
import type { Language } from './booking-messages.ts';

interface Text {
  subject: string;
  body: string;
  /** The SMS/WhatsApp version, when the default (subject and first link) would leave out something that matters. */
  short?: string;
}

const bullets = (items: readonly { text: { en: string; ar: string } }[], language: Language) => items.map((item) => `- ${item.text[language]}`);

// What to expect after NMT (shared/domain/clinical-reference.md §6) and what to do if something
// goes wrong. The advice and the warning signs come from knowledge-base/screening/patient-advice.json,
// the same data the public page shows, so the email cannot give a different answer (a test screens
// each sign and checks its action against the rules). No claims about "flushing toxins".
export function aftercareAdviceText(language: Language, patientName: string, clinicName: string, phone: string, link: string): Text {
  const ar = language === 'ar';
  const callClinic = [...patientAdvice.callClinic, ...signsFor('see_doctor_today', { afterSession: true })];
  return {
    subject: ar ? `نصائح ما بعد جلستك في ${clinicName}` : `After your session at ${clinicName}`,
    body: [
      ar ? `مرحباً ${patientName}،` : `Hello ${patientName},`,
      '',
      ...patientAdvice.aftercare.map((item) => item.text[language]),
      '',
      ar ? 'اتصل بالرقم 998 فوراً (إسعاف) إذا ظهر:' : 'Call 998 now (ambulance) for:',
      ...bullets(signsFor('call_998', { afterSession: true }), language),
      '',
      ar ? `اتصل بالعيادة (${phone}) أو راجع طبيباً اليوم إذا ظهر:` : `Call the clinic (${phone}) or see a doctor today for:`,
      ...bullets(callClinic, language),
      '',
      ar ? `سنسألك عن حالك بعد يوم تقريباً: ${link}` : `We will ask how you are in about a day: ${link}`,
    ].join('\n'),
    // A text message cannot hold the list of warning signs, so it says where they are and that some need 998 now.
    short: ar
      ? `${clinicName}: ما تتوقعه بعد جلستك، والعلامات التي تستدعي الاتصال بالرقم 998 فوراً أو مراجعة طبيب اليوم: ${link}`
      : `${clinicName}: what to expect after your session, and the signs that need a 998 call now or a doctor today: ${link}`,
  };
}

/** `measuresUrl`: the patient's due outcome measures (issue 11), when their open episode has some. */
export function checkinInviteText(language: Language, patientName: string, link: string, measuresUrl?: string | null): Text {
  const measures = measuresUrl
    ? language === 'ar'
      ? `\n\nوحان وقت بضعة أسئلة قصيرة لمتابعة تقدمك: ${measuresUrl}`
      : `\n\nIt is also time for a few short questions that track your progress: ${measuresUrl}`
    : '';
  return language === 'ar'
    ? { subject: 'كيف حالك بعد جلستك؟', body: `مرحباً ${patientName}،\n\nنود أن نعرف كيف تشعر بعد جلستك. يستغرق ذلك دقيقة: ${link}${measures}` }
    : {
        subject: 'How are you after your session?',
        body: `Hello ${patientName},\n\nWe would like to know how you feel after your session. It takes a minute: ${link}${measures}`,
      };
}

/** The follow-up invitation carries the same caveat on how long relief lasts as the home page. */
export function followUpText(language: Language, patientName: string, bookUrl: string): Text {
  const relief = patientAdvice.reliefDuration[language];
  return language === 'ar'
    ? { subject: 'هل حان وقت جلستك التالية؟', body: `مرحباً ${patientName}،\n\n${relief} إذا كانت خطتك تتضمن جلسة أخرى، احجزها هنا: ${bookUrl}` }
    : { subject: 'Time for your next session?', body: `Hello ${patientName},\n\n${relief} If your plan includes another visit, book it here: ${bookUrl}` };
}
