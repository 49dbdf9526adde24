import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Language, toLanguage } from '../lib/i18n/language.ts';
import { lazyResources, resources } from './i18n-resources.ts';

export type { Language };

/**
 * The cookie that tells the server which language to render a public page in (packages/server/src/lib/web-pages.ts
 * reads it, and sets it when a page is opened with ?lang=): a preference, no personal data.
 */
const LANGUAGE_COOKIE = 'myomap_lang';

function cookieLanguage(): Language | undefined {
  const match = /(?:^|;\s*)myomap_lang=(en|ar)(?:;|$)/.exec(document.cookie);
  return match ? toLanguage(match[1]) : undefined;
}

/**
 * The page's language as the server chose it (packages/server/src/lib/web-pages.ts: ?lang=, then the
 * cookie, then English), marked on <html data-server-language>; undefined where no server chose it
 * (Vite's dev server). The server drew the page in it, so the app follows it, and reads no cookie or
 * storage to start: on a phone the first read of each is a synchronous call of a few milliseconds (issue 13).
 */
function serverLanguage(): Language | undefined {
  const html = document.documentElement;
  return html.hasAttribute('data-server-language') ? toLanguage(html.lang) : undefined;
}

/**
 * ?lang=ar opens the site in Arabic; the choice is remembered on this device (a cookie the server
 * reads too, so a page it renders is in the same language, and localStorage from before the cookie).
 */
function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl === 'ar' || fromUrl === 'en') return fromUrl;
  const saved = cookieLanguage() ?? window.localStorage.getItem('myomap.lang');
  return saved === 'ar' ? 'ar' : 'en';
}

/** Keeps the choice on this device for a year from now: the cookie the server reads, and localStorage. */
function rememberLanguage(language: Language): void {
  window.localStorage.setItem('myomap.lang', language);
  document.cookie = `${LANGUAGE_COOKIE}=${language}; path=/; max-age=31536000; samesite=lax`;
}

export function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
  rememberLanguage(language);
}

/** Loads the text of a code-split feature the first time one of its pages asks for it. */
const lazyNamespaces: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = (lazyResources as Record<string, Partial<Record<string, () => Promise<object>>>>)[namespace]?.[language];
    if (!load) {
      callback(null, {});
      return;
    }
    load().then(
      (text) => callback(null, text),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

/**
 * Starts the app's text (main.tsx calls it once, in a boot step of its own): the language from the
 * address, cookie or device, the bundled `common` words, and the backend for the rest.
 */
export function startText(): typeof i18n {
  const chosenByServer = serverLanguage();
  const language = chosenByServer ?? initialLanguage();
  void i18n
    .use(lazyNamespaces)
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      resources,
      // `common` is bundled (`resources`); the others come through the backend above, with their pages.
      partialBundledLanguages: true,
      ns: Object.keys(resources.en),
      defaultNS: 'common',
    });
  if (!chosenByServer) applyDocumentLanguage(language);
  // The page is in the server's language already; the choice's year starts again once the browser is idle, off the boot's path.
  else if ('requestIdleCallback' in window) requestIdleCallback(() => rememberLanguage(language));
  else setTimeout(() => rememberLanguage(language), 1000);
  i18n.on('languageChanged', (lng) => applyDocumentLanguage(toLanguage(lng)));
  return i18n;
}

export default i18n;
