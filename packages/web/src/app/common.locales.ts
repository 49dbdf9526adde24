export const commonText = {
  en: {
    appName: 'Myomap',
    language: { switchTo: 'العربية', label: 'Language' },
    nav: { home: 'Home', book: 'Book a visit', staff: 'Staff sign-in', whatIsNmt: 'What is NMT?' },
    error: { generic: 'Something went wrong. Please try again.', network: 'We could not reach the clinic. Check your connection and try again.' },
    loading: 'Loading…',
    form: {
      required: 'Please fill in this field.',
      tooShort: 'This is too short.',
      tooLong: 'This is too long.',
      invalid: 'Please check this value.',
      email: 'Please enter a valid email address, like name@example.com.',
      phone: 'Please use only digits, spaces and + ( ) -, at least 5 characters.',
    },
  },
  ar: {
    appName: 'مايوماب',
    language: { switchTo: 'English', label: 'اللغة' },
    nav: { home: 'الرئيسية', book: 'احجز موعداً', staff: 'دخول الموظفين', whatIsNmt: 'ما هو العلاج العصبي العضلي؟' },
    error: { generic: 'حدث خطأ ما. يرجى المحاولة مرة أخرى.', network: 'تعذر الوصول إلى العيادة. تحقق من الاتصال وحاول مرة أخرى.' },
    loading: 'جارٍ التحميل…',
    form: {
      required: 'يُرجى تعبئة هذا الحقل.',
      tooShort: 'هذه القيمة قصيرة جداً.',
      tooLong: 'هذه القيمة طويلة جداً.',
      invalid: 'يُرجى التحقق من هذه القيمة.',
      email: 'يُرجى إدخال بريد إلكتروني صحيح، مثل name@example.com.',
      phone: 'يُرجى استخدام الأرقام والمسافات والرموز + ( ) - فقط، بخمسة أحرف على الأقل.',
    },
  },
} as const;
