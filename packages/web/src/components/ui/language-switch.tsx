import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useIsStaticPage } from '../../lib/i18n/static-page.ts';
import './ui.css';

/**
 * English ⇄ العربية. Switches i18next (which sets <html lang dir>) and keeps a ?lang= in the
 * address in step, so a reload or a shared link opens the same language. On a page the server sent
 * as HTML without the app (lib/i18n/static-page.ts) it is a link to the same page in the other language.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation('common');
  const [params, setParams] = useSearchParams();
  const target = i18n.language === 'ar' ? 'en' : 'ar';
  const isStatic = useIsStaticPage();
  function switchLanguage() {
    void i18n.changeLanguage(target);
    if (params.has('lang')) {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('lang', target);
          return next;
        },
        { replace: true },
      );
    }
  }
  const icon = (
    <svg className="ui-language-switch__icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M3 12h18M12 3c2.5 2.6 3.7 5.6 3.7 9s-1.2 6.4-3.7 9c-2.5-2.6-3.7-5.6-3.7-9S9.5 5.6 12 3z" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
  if (isStatic) {
    return (
      <a className="ui-language-switch" lang={target} hrefLang={target} href={`?lang=${target}`}>
        {icon}
        {t('language.switchTo')}
      </a>
    );
  }
  return (
    <button type="button" className="ui-language-switch" lang={target} onClick={switchLanguage}>
      {icon}
      {t('language.switchTo')}
    </button>
  );
}
