import type { Language } from './booking-messages.ts';

interface Text {
  subject: string;
  body: string;
}

// What to expect after NMT (shared/domain/clinical-reference.md §6): exercise-like soreness for
// about 24–36 h (Cambron 2007: ~10% report minor discomfort, mostly gone within 36 h); warning
// signs that need a call or urgent care. No claims about "flushing toxins".
export function aftercareAdviceText(language: Language, patientName: string, clinicName: string, phone: string, link: string): Text {
  if (language === 'ar') {
    return {
      subject: `نصائح ما بعد جلستك في ${clinicName}`,
      body: [
        `مرحباً ${patientName}،`,
        '',
        'قد تشعر بألم يشبه ألم ما بعد التمرين لمدة 24 إلى 36 ساعة تقريباً. هذا شائع ويخف عادة من تلقاء نفسه.',
        'في اليوم نفسه: حركة لطيفة وتمارين الإطالة التي وصفها معالجك. يمكن استخدام الحرارة (أو الثلج إن فضلت) للألم. تجنب نشاطاً شاقاً جديداً لمدة 24 ساعة.',
        `اتصل بالعيادة (${phone}) إذا استمر الألم الشديد أكثر من 48–72 ساعة، أو ظهر خدر أو وخز أو ضعف جديد، أو انتشرت كدمة أو تورم.`,
        'اطلب رعاية عاجلة (998) عند تورم الساق (بطة الساق)، أو ألم في الصدر أو ضيق في التنفس، أو بول داكن اللون.',
        '',
        `سنسألك عن حالك بعد يوم تقريباً: ${link}`,
      ].join('\n'),
    };
  }
  return {
    subject: `After your session at ${clinicName}`,
    body: [
      `Hello ${patientName},`,
      '',
      'You may feel sore, like after exercise, for about 24–36 hours. This is common and usually eases by itself.',
      'Today: gentle movement and the stretches your therapist showed you. Heat (or ice if you prefer) helps soreness. Avoid a new strenuous activity for 24 hours.',
      `Call the clinic (${phone}) if severe soreness lasts more than 48–72 hours, or you notice new numbness, tingling or weakness, or spreading bruising or swelling.`,
      'Get urgent care (998) for calf swelling, chest pain or breathlessness, or dark urine.',
      '',
      `We will ask how you are in about a day: ${link}`,
    ].join('\n'),
  };
}

export function checkinInviteText(language: Language, patientName: string, link: string): Text {
  return language === 'ar'
    ? { subject: 'كيف حالك بعد جلستك؟', body: `مرحباً ${patientName}،\n\nنود أن نعرف كيف تشعر بعد جلستك. يستغرق ذلك دقيقة: ${link}` }
    : { subject: 'How are you after your session?', body: `Hello ${patientName},\n\nWe would like to know how you feel after your session. It takes a minute: ${link}` };
}

export function followUpText(language: Language, patientName: string, bookUrl: string): Text {
  return language === 'ar'
    ? { subject: 'هل حان وقت جلستك التالية؟', body: `مرحباً ${patientName}،\n\nيخف أثر الجلسة عادة خلال أيام إلى أسبوعين. إذا كانت خطتك تتضمن جلسة أخرى، احجزها هنا: ${bookUrl}` }
    : { subject: 'Time for your next session?', body: `Hello ${patientName},\n\nThe effect of a session usually lasts from days to about two weeks. If your plan includes another visit, book it here: ${bookUrl}` };
}
