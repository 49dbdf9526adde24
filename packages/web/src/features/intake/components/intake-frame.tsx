import { useQuery } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { clinicQuery } from '../../../lib/clinic/clinic-query.ts';
import { LanguageSwitch } from '../../../components/ui/language-switch.tsx';
import { type ClinicContact } from '../api/intake-api.ts';
import '../intake.css';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';

/** The clinic's name and phone for the header and the result page; the form works without them. */
export function useClinicContact(): ClinicContact | undefined {
  return useQuery(clinicQuery).data;
}

export interface IntakeFrameProps {
  clinic: ClinicContact | undefined;
  /** Beside the language switch, e.g. who is signed in on the reception tablet. */
  extra?: ReactNode;
  children: ReactNode;
}

/** A quiet frame for a form that is filled in on a phone: the clinic, the language switch, the form. */
export function IntakeFrame({ clinic, extra, children }: IntakeFrameProps) {
  const { t } = useTranslation('intake');
  const language = useLanguage();
  useEffect(() => {
    document.title = `${t('title')} · ${clinic ? clinic.name[language] : 'Myomap'}`;
  }, [t, clinic, language]);
  return (
    <div className="ik-shell">
      <header className="ik-header">
        <div className="ik-header__inner">
          <span className="ik-brand">
            <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
              <circle cx="16" cy="16" r="15" fill="var(--color-primary)" />
              <path d="M8 20c3-8 5-8 8 0s5 8 8 0" fill="none" stroke="var(--color-on-primary)" strokeWidth="2.4" strokeLinecap="round" />
            </svg>
            <span>{clinic ? clinic.name[language] : 'Myomap'}</span>
          </span>
          <div className="ik-header__end">
            {extra}
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main className="ik-main" id="main">
        {children}
      </main>
    </div>
  );
}
