import type { ClinicSettings } from '../stores/clinic-store.ts';
import { formatForPeople } from '../lib/zoned-time.ts';

export type Language = 'en' | 'ar';

export interface BookingMessageInput {
  language: Language;
  clinic: ClinicSettings;
  patientName: string;
  reference: string;
  serviceName: string;
  practitionerName: string;
  start: Date;
  manageUrl: string;
  intakeUrl?: string | undefined;
  /** The patient's due outcome measures (issue 11), when their open episode has some. */
  measuresUrl?: string | undefined;
}

interface Text {
  subject: string;
  body: string;
  /** The SMS/WhatsApp version: one or two sentences and the one link that matters. */
  short: string;
}

const when = (input: BookingMessageInput) => formatForPeople(input.start, input.clinic.timeZone, input.language);

export function confirmationText(input: BookingMessageInput): Text {
  const clinicName = input.language === 'ar' ? input.clinic.name.ar : input.clinic.name.en;
  if (input.language === 'ar') {
    return {
      subject: `تأكيد موعدك ${input.reference} في ${clinicName}`,
      body: [
        `مرحباً ${input.patientName}،`,
        '',
        `تم تأكيد موعدك: ${input.serviceName} مع ${input.practitionerName}، ${when(input)}.`,
        `رقم الحجز: ${input.reference}`,
        input.intakeUrl ? `يرجى تعبئة استمارة القبول قبل زيارتك: ${input.intakeUrl}` : '',
        `لعرض الموعد أو إلغائه أو تغييره: ${input.manageUrl}`,
        `يمكن الإلغاء مجاناً حتى ${input.clinic.cancellationWindowHours} ساعة قبل الموعد.`,
      ]
        .filter((line, i, all) => line !== '' || all[i - 1] !== '')
        .join('\n'),
      short: `${clinicName}: تم تأكيد موعدك ${input.reference}، ${when(input)}. لإدارته: ${input.manageUrl}`,
    };
  }
  return {
    subject: `Your appointment ${input.reference} at ${clinicName} is confirmed`,
    body: [
      `Hello ${input.patientName},`,
      '',
      `Your appointment is confirmed: ${input.serviceName} with ${input.practitionerName}, ${when(input)}.`,
      `Reference: ${input.reference}`,
      input.intakeUrl ? `Please complete your intake form before the visit: ${input.intakeUrl}` : '',
      `View, cancel or change it: ${input.manageUrl}`,
      `You can cancel free of charge up to ${input.clinic.cancellationWindowHours} hours before the start.`,
      'The attached calendar file adds the visit to your calendar.',
    ]
      .filter((line, i, all) => line !== '' || all[i - 1] !== '')
      .join('\n'),
    short: `${clinicName}: your appointment ${input.reference} is confirmed for ${when(input)}. Manage it: ${input.manageUrl}`,
  };
}

/** A line asking for the due measures before the visit, or nothing when none are due. */
function measuresLine(input: BookingMessageInput): string {
  if (!input.measuresUrl) return '';
  return input.language === 'ar'
    ? `قبل زيارتك، أجب عن بضعة أسئلة قصيرة عن ألمك وقدرتك على الحركة (دقيقتان): ${input.measuresUrl}\n`
    : `Before your visit, please answer a few short questions about your pain and what you can do (2 minutes): ${input.measuresUrl}\n`;
}

export function reminderText(input: BookingMessageInput): Text {
  const clinicName = input.language === 'ar' ? input.clinic.name.ar : input.clinic.name.en;
  if (input.language === 'ar') {
    return {
      subject: `تذكير: موعدك غداً في ${clinicName}`,
      body: `مرحباً ${input.patientName}،\n\nنذكرك بموعدك: ${input.serviceName} مع ${input.practitionerName}، ${when(input)}.\nارتدِ ملابس مريحة، وأخبر المعالج بأي تغيير في صحتك أو أدويتك.\n${measuresLine(input)}لإدارة الموعد: ${input.manageUrl}`,
      short: `${clinicName}: تذكير بموعدك ${when(input)}. لإدارته: ${input.manageUrl}`,
    };
  }
  return {
    subject: `Reminder: your appointment at ${clinicName}`,
    body: `Hello ${input.patientName},\n\nA reminder of your appointment: ${input.serviceName} with ${input.practitionerName}, ${when(input)}.\nWear comfortable clothing, and tell your therapist about any change in your health or medicines.\n${measuresLine(input)}Manage it here: ${input.manageUrl}`,
    short: `${clinicName}: a reminder of your appointment, ${when(input)}. Manage it: ${input.manageUrl}`,
  };
}

export function cancellationText(input: BookingMessageInput): Text {
  const clinicName = input.language === 'ar' ? input.clinic.name.ar : input.clinic.name.en;
  if (input.language === 'ar') {
    return {
      subject: `تم إلغاء موعدك ${input.reference}`,
      body: `مرحباً ${input.patientName}،\n\nتم إلغاء موعدك (${input.serviceName}، ${when(input)}).\nيسعدنا حجز موعد جديد لك في أي وقت.`,
      short: `${clinicName}: تم إلغاء موعدك ${input.reference} (${when(input)}).`,
    };
  }
  return {
    subject: `Your appointment ${input.reference} is cancelled`,
    body: `Hello ${input.patientName},\n\nYour appointment (${input.serviceName}, ${when(input)}) is cancelled.\nYou are welcome to book again at any time.`,
    short: `${clinicName}: your appointment ${input.reference} (${when(input)}) is cancelled.`,
  };
}

export function waitlistOfferText(input: BookingMessageInput & { holdMinutes: number }): Text {
  const clinicName = input.language === 'ar' ? input.clinic.name.ar : input.clinic.name.en;
  if (input.language === 'ar') {
    return {
      subject: `أصبح موعد متاحاً لك في ${clinicName}`,
      body: `مرحباً ${input.patientName}،\n\nأصبح موعد متاحاً من قائمة الانتظار: ${input.serviceName} مع ${input.practitionerName}، ${when(input)}.\nنحجزه لك لمدة ${input.holdMinutes} دقيقة. للتأكيد: ${input.manageUrl}`,
      short: `${clinicName}: أصبح موعد متاحاً لك ${when(input)}، محجوز ${input.holdMinutes} دقيقة. للتأكيد: ${input.manageUrl}`,
    };
  }
  return {
    subject: `A slot has opened for you at ${clinicName}`,
    body: `Hello ${input.patientName},\n\nA slot from the waitlist is free: ${input.serviceName} with ${input.practitionerName}, ${when(input)}.\nWe are holding it for you for ${input.holdMinutes} minutes. Confirm it here: ${input.manageUrl}`,
    short: `${clinicName}: a slot is free for you, ${when(input)}, held ${input.holdMinutes} minutes. Confirm: ${input.manageUrl}`,
  };
}
