import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toLanguage, type Language } from '../../lib/i18n/language.ts';
import { detectTextLanguage } from '../../lib/i18n/text-language.ts';
import './ui.css';

export interface AuthoredTextProps {
  /** Text as a person typed it: a note, a problem title, a free-text answer, an email subject. */
  text: string;
  /** The language it was written in, when stored; otherwise told from its letters. */
  language?: Language | undefined;
  as?: 'span' | 'p' | 'div';
  className?: string;
  /** Rendered after the text, inside the same element (e.g. a count). */
  children?: ReactNode;
}

/**
 * Staff-authored clinical text is shown as written, never translated: with `lang` and `dir` set
 * for screen readers and bidi, and a small "Written in English" / "مكتوب بالعربية" tag when it is
 * not in the page's language, so a reader knows the words are the author's and not the app's.
 */
export function AuthoredText({ text, language, as: Element = 'span', className, children }: AuthoredTextProps) {
  const { t, i18n } = useTranslation('common');
  const written = language ?? detectTextLanguage(text);
  const foreign = written !== undefined && written !== toLanguage(i18n.language);
  return (
    <Element className={['ui-authored', className ?? ''].filter(Boolean).join(' ')}>
      <bdi lang={written} dir={written === undefined ? 'auto' : written === 'ar' ? 'rtl' : 'ltr'} className="ui-authored__text">
        {text}
      </bdi>
      {foreign ? <span className="ui-authored__tag">{t(`writtenIn.${written}`)}</span> : null}
      {children}
    </Element>
  );
}
