import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../../components/ui/language-switch.tsx';
import { Button } from '../../../components/ui/button.tsx';
import type { ClinicDto } from '../api/treatment-api.ts';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';

/**
 * An A4 page for printing: a toolbar that hides when printed, the clinic's letterhead, the
 * document title and the rows under it. Print styles are in treatment.css (@page A4).
 */
export function PrintSheet({
  clinic,
  title,
  meta,
  tools,
  children,
  footer,
}: {
  clinic: ClinicDto;
  title: string;
  meta: [string, string][];
  tools?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const { t } = useTranslation('treatment');
  const language = useLanguage();
  return (
    <div className="tr-print">
      <div className="tr-print-toolbar tr-no-print">
        {tools}
        <span className="tr-print-toolbar__spacer" />
        <LanguageSwitch />
        <Button onClick={() => window.print()}>{t('print.print')}</Button>
      </div>
      <article className="tr-sheet" lang={language}>
        <header className="tr-sheet__header">
          <div className="tr-sheet__clinic">
            <span className="tr-sheet__logo" aria-hidden="true">
              M
            </span>
            <div>
              <p className="tr-sheet__clinic-name">{clinic.name[language]}</p>
              <p className="tr-sheet__clinic-line">{clinic.address[language]}</p>
              <p className="tr-sheet__clinic-line" dir="ltr">
                {clinic.phone} · {clinic.email}
              </p>
            </div>
          </div>
          <h1 className="tr-sheet__title">{title}</h1>
        </header>
        {meta.length > 0 && (
          <dl className="tr-sheet__meta">
            {meta.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        )}
        {children}
        {footer && <footer className="tr-sheet__footer">{footer}</footer>}
      </article>
    </div>
  );
}
