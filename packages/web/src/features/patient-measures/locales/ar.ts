import type { Messages } from '../../../lib/i18n/messages.ts';
import type { en } from './en.ts';

/** The same keys as en.ts (a missing or extra key fails typecheck). */
export const ar: Messages<typeof en> = {
  title: 'كيف حالك؟',
  lead: 'تساعد بضعة أسئلة قصيرة معالجك على معرفة مدى فائدة علاجك. تستغرق دقيقتين تقريبًا.',
  loading: 'جارٍ تحميل الأسئلة…',
  skip: 'تخطَّ هذا السؤال',
  skipped: 'تم التخطي',
  required: 'اختر إجابة، أو تخطَّ هذا السؤال.',
  progress: 'أُجيب عن {{answered}} من {{total}}',
  send: 'أرسل إجاباتي',
  scaleLabel: '{{value}} على مقياس من {{min}} إلى {{max}}',
  reRate: 'قيّم اليوم مدى قدرتك على أداء كل نشاط ذكرته في البداية.',
  activity: 'النشاط الذي ذكرته: {{activity}}',
  thanks: { title: 'شكرًا لك', body: 'وصلت إجاباتك إلى معالجك. يمكنك إغلاق هذه الصفحة.' },
  closed: {
    completed: { title: 'تمت الإجابة مسبقًا', body: 'تمت الإجابة عن هذه الأسئلة. شكرًا لك.' },
    expired: { title: 'انتهت صلاحية هذا الرابط', body: 'يرجى طلب رابط جديد من العيادة، أو الإجابة في زيارتك القادمة.' },
  },
  errors: {
    not_found: 'هذا الرابط غير صالح. يرجى طلب رابط جديد من العيادة.',
    measures_already_answered: 'تمت الإجابة عن هذه الأسئلة مسبقًا. شكرًا لك.',
    validation_failed: 'تعذّر حفظ بعض الإجابات. يرجى مراجعتها والمحاولة مرة أخرى.',
    rate_limited: 'محاولات كثيرة. يرجى الانتظار دقيقة ثم المحاولة مرة أخرى.',
    network_error: 'لا يوجد اتصال. تحقق من الإنترنت وحاول مرة أخرى.',
    unknown: 'حدث خطأ. يرجى المحاولة مرة أخرى، أو الاتصال بالعيادة.',
  },
};
