import type { Messages } from '../../lib/i18n/messages.ts';
import type { en } from './en.ts';

/** The same keys as en.ts (a missing or extra key fails typecheck); Arabic adds its own plural forms. */
export const ar: Messages<typeof en> = {
  appName: 'مايوماب',
  language: { switchTo: 'English', label: 'اللغة' },
  nav: { home: 'الرئيسية', book: 'احجز موعداً', staff: 'دخول الموظفين', whatIsNmt: 'ما هو العلاج العصبي العضلي؟' },
  error: { generic: 'حدث خطأ ما. يرجى المحاولة مرة أخرى.', network: 'تعذر الوصول إلى العيادة. تحقق من الاتصال وحاول مرة أخرى.' },
  loading: 'جارٍ التحميل…',
  actions: { save: 'حفظ', saving: 'جارٍ الحفظ…', cancel: 'إلغاء', close: 'إغلاق', add: 'إضافة', retry: 'حاول مرة أخرى', removeItem: 'إزالة {{item}}' },
  answers: { yes: 'نعم', no: 'لا' },
  writtenIn: { en: 'مكتوب بالإنجليزية', ar: 'مكتوب بالعربية' },
  unsavedChanges: { leave: 'لديك تغييرات غير محفوظة. هل تريد مغادرة هذه الصفحة وفقدانها؟' },
  form: {
    required: 'يُرجى تعبئة هذا الحقل.',
    tooShort: 'هذه القيمة قصيرة جداً.',
    tooLong: 'هذه القيمة طويلة جداً.',
    invalid: 'يُرجى التحقق من هذه القيمة.',
    email: 'يُرجى إدخال بريد إلكتروني صحيح، مثل name@example.com.',
    phone: 'يُرجى استخدام الأرقام والمسافات والرموز + ( ) - فقط، بخمسة أحرف على الأقل.',
  },
  patientPicker: {
    label: 'ابحث عن مريض',
    placeholder: 'الاسم أو الهاتف أو البريد أو تاريخ الميلاد أو رقم الحجز',
    recent: 'المرضى الأخيرون',
    matches: 'المرضى المطابقون',
    searching: 'جارٍ البحث…',
    noRecent: 'لا يوجد مرضى حديثون بعد.',
    noMatch: 'لا يوجد مريض يطابق «{{q}}».',
    found_zero: 'لم يُعثر على أي مريض.',
    found_one: 'عُثر على مريض واحد. استخدم مفاتيح الأسهم للاختيار.',
    found_two: 'عُثر على مريضَين. استخدم مفاتيح الأسهم للاختيار.',
    found_few: 'عُثر على {{count}} مرضى. استخدم مفاتيح الأسهم للاختيار.',
    found_many: 'عُثر على {{count}} مريضاً. استخدم مفاتيح الأسهم للاختيار.',
    found_other: 'عُثر على {{count}} مريض. استخدم مفاتيح الأسهم للاختيار.',
    born: 'مواليد {{date}}',
    nextVisit: 'الزيارة القادمة {{when}}',
    noNextVisit: 'لا زيارة محجوزة',
  },
};
