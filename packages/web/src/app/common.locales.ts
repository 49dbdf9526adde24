export const commonText = {
  en: {
    appName: 'Myomap',
    language: { switchTo: 'العربية', label: 'Language' },
    nav: { home: 'Home', book: 'Book a visit', staff: 'Staff sign-in', whatIsNmt: 'What is NMT?' },
    error: { generic: 'Something went wrong. Please try again.', network: 'We could not reach the clinic. Check your connection and try again.' },
    loading: 'Loading…',
    unsavedChanges: { leave: 'You have unsaved changes. Leave this page and lose them?' },
  },
  ar: {
    appName: 'مايوماب',
    language: { switchTo: 'English', label: 'اللغة' },
    nav: { home: 'الرئيسية', book: 'احجز موعداً', staff: 'دخول الموظفين', whatIsNmt: 'ما هو العلاج العصبي العضلي؟' },
    error: { generic: 'حدث خطأ ما. يرجى المحاولة مرة أخرى.', network: 'تعذر الوصول إلى العيادة. تحقق من الاتصال وحاول مرة أخرى.' },
    loading: 'جارٍ التحميل…',
    unsavedChanges: { leave: 'لديك تغييرات غير محفوظة. هل تريد مغادرة هذه الصفحة وفقدانها؟' },
  },
} as const;
