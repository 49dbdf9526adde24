import type { ClinicSettings } from '../stores/clinic-store.ts';
import type { Language } from './booking-messages.ts';

export interface PortalSignInMessageInput {
  language: Language;
  clinic: ClinicSettings;
  link: string;
  code: string;
  minutes: number;
}

/** The portal sign-in email: one link and the same sign-in as a code, for a phone that opens links elsewhere. */
export function portalSignInText(input: PortalSignInMessageInput): { subject: string; body: string; short: string } {
  const clinicName = input.clinic.name[input.language];
  if (input.language === 'ar') {
    return {
      subject: `رابط الدخول إلى بوابة المرضى في ${clinicName}`,
      body: [
        'طلبتَ الدخول إلى بوابة المرضى.',
        '',
        `افتح هذا الرابط للدخول: ${input.link}`,
        `أو اكتب هذا الرمز في صفحة الدخول: ${input.code}`,
        '',
        `الرابط والرمز صالحان ${input.minutes} دقيقة ولمرة واحدة فقط.`,
        'إن لم تطلب ذلك فتجاهل هذه الرسالة؛ لن يدخل أحد دون هذا الرابط أو الرمز.',
      ].join('\n'),
      short: `${clinicName}: رابط الدخول إلى البوابة (صالح ${input.minutes} دقيقة): ${input.link}`,
    };
  }
  return {
    subject: `Your sign-in link for the ${clinicName} patient portal`,
    body: [
      'You asked to sign in to the patient portal.',
      '',
      `Open this link to sign in: ${input.link}`,
      `Or type this code on the sign-in page: ${input.code}`,
      '',
      `The link and the code work once, for ${input.minutes} minutes.`,
      'If you did not ask for this, ignore this email: nobody can sign in without the link or the code.',
    ].join('\n'),
    short: `${clinicName}: your portal sign-in link (valid ${input.minutes} minutes): ${input.link}`,
  };
}
