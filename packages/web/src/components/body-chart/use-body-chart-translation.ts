import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { bodyChartText } from './body-chart.locales.ts';

/** Registers the 'bodyChart' namespace on first use, so every page that shows the chart has its strings. */
function ensureBodyChartText(): void {
  if (!i18next.isInitialized) return;
  for (const language of ['en', 'ar'] as const) {
    if (!i18next.hasResourceBundle(language, 'bodyChart')) i18next.addResourceBundle(language, 'bodyChart', bodyChartText[language], true, false);
  }
}

export function useBodyChartTranslation() {
  ensureBodyChartText();
  const translation = useTranslation('bodyChart');
  const language: 'en' | 'ar' = translation.i18n.language === 'ar' ? 'ar' : 'en';
  return { ...translation, language };
}
